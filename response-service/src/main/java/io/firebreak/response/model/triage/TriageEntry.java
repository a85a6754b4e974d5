package io.firebreak.response.model.triage;

import com.fasterxml.jackson.core.type.TypeReference;
import io.firebreak.platform.persistence.JsonColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One entry of an incident's triage log; its earlier states are {@link TriageRevision}s. */
@Entity
@Table(name = "triage_entry")
public class TriageEntry {

    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TriageKind kind;

    @Column(nullable = false)
    public String statement;

    @Enumerated(EnumType.STRING)
    public HypothesisStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "check_kind")
    public CheckKind checkKind;

    public String result;

    public String component;

    @Column(name = "hypothesis_id")
    public UUID hypothesisId;

    @Convert(converter = LinksColumn.class)
    @Column(nullable = false)
    public List<String> evidence;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    @Converter
    public static class LinksColumn extends JsonColumn.Converter<List<String>> {
        public LinksColumn() {
            super(new TypeReference<>() { });
        }
    }
}
