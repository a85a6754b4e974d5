package io.firebreak.response.model.drill;

import io.firebreak.platform.persistence.JsonColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The scenario of a drill incident and the people it exercises. */
@Entity
@Table(name = "drill")
public class Drill {

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(nullable = false)
    public String scenario;

    @Convert(converter = ParticipantsColumn.class)
    @Column(nullable = false)
    public List<DrillParticipant> participants;

    @Column(name = "defined_by", nullable = false)
    public String definedBy;

    @Column(name = "defined_at", nullable = false)
    public Instant definedAt;

    @Version
    public long version;

    public static class ParticipantsColumn extends JsonColumn.Converter<List<DrillParticipant>> {
        public ParticipantsColumn() {
            super(new com.fasterxml.jackson.core.type.TypeReference<>() { });
        }
    }
}
