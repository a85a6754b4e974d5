package io.firebreak.comms.model;

import io.firebreak.platform.persistence.JsonColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One version of an incident's status; never changed once published (a correction is a new version). */
@Entity
@Table(name = "status_version")
public class StatusVersion {

    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(nullable = false)
    public int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StatusState state;

    @Column(nullable = false)
    public String impact;

    @Convert(converter = ServicesColumn.class)
    @Column(name = "affected_services", nullable = false)
    public List<String> affectedServices;

    @Column(name = "next_update_due_at")
    public Instant nextUpdateDueAt;

    @Column(name = "correction_of")
    public Integer correctionOf;

    @Column(name = "published_by", nullable = false)
    public String publishedBy;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    public static class ServicesColumn extends JsonColumn.Converter<List<String>> {
        public ServicesColumn() {
            super(new com.fasterxml.jackson.core.type.TypeReference<>() { });
        }
    }
}
