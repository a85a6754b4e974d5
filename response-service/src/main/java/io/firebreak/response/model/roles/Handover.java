package io.firebreak.response.model.roles;

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
import java.util.UUID;

/** A held role offered to someone else with a brief; the role moves when they acknowledge the brief. */
@Entity
@Table(name = "handover")
public class Handover {

    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(name = "from_assignment_id", nullable = false)
    public UUID fromAssignmentId;

    @Column(name = "to_assignment_id")
    public UUID toAssignmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IncidentRoleKind role;

    @Column(name = "from_person", nullable = false)
    public String fromPerson;

    @Column(name = "to_person", nullable = false)
    public String toPerson;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public HandoverStatus status;

    @Convert(converter = BriefColumn.class)
    @Column(nullable = false)
    public HandoverBrief brief;

    @Column(name = "brief_version", nullable = false)
    public int briefVersion;

    @Column(name = "offered_by", nullable = false)
    public String offeredBy;

    @Column(name = "offered_at", nullable = false)
    public Instant offeredAt;

    @Column(name = "brief_updated_at", nullable = false)
    public Instant briefUpdatedAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "cancelled_by")
    public String cancelledBy;

    @Version
    public long version;

    @Converter
    public static class BriefColumn extends JsonColumn.Converter<HandoverBrief> {
        public BriefColumn() {
            super(new TypeReference<>() { });
        }
    }
}
