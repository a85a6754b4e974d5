package io.firebreak.change.model;

import io.firebreak.platform.persistence.JsonColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An emergency change of an incident, with who did what when; the state is a {@code ChangeState} name. */
@Entity
@Table(name = "emergency_change")
public class EmergencyChange {

    @Id
    public UUID id;

    @Column(nullable = false)
    public long number;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(name = "target_service", nullable = false)
    public String targetService;

    @Column(nullable = false)
    public String action;

    @Column(name = "action_catalog_version", nullable = false)
    public int actionCatalogVersion;

    @Convert(converter = Parameters.class)
    @Column(nullable = false)
    public Map<String, String> parameters;

    @Column(nullable = false)
    public String description;

    @Column(name = "expected_effect", nullable = false)
    public String expectedEffect;

    @Column(nullable = false)
    public String risk;

    @Convert(converter = Plan.class)
    @Column(name = "rollback_plan", nullable = false)
    public RollbackPlan rollbackPlan;

    @Column(name = "finding_id", nullable = false)
    public UUID findingId;

    @Column(name = "alignment_override")
    public String alignmentOverride;

    @Column(name = "override_by")
    public String overrideBy;

    @Column(nullable = false)
    public String state;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "approved_as")
    public String approvedAs;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "rejected_by")
    public String rejectedBy;

    @Column(name = "rejected_at")
    public Instant rejectedAt;

    @Column(name = "cancelled_by")
    public String cancelledBy;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    public String implementer;

    @Column(name = "implementation_started_at")
    public Instant implementationStartedAt;

    @Column(name = "implemented_at")
    public Instant implementedAt;

    @Column(name = "validation_due_at")
    public Instant validationDueAt;

    @Column(name = "validated_by")
    public String validatedBy;

    @Column(name = "validated_at")
    public Instant validatedAt;

    @Column(name = "validation_result")
    public String validationResult;

    @Column(name = "validation_evidence")
    public String validationEvidence;

    @Column(name = "documentation_due_at")
    public Instant documentationDueAt;

    @Convert(converter = Doc.class)
    public Documentation documentation;

    @Column(name = "documented_by")
    public String documentedBy;

    @Column(name = "documented_at")
    public Instant documentedAt;

    @Column(name = "rolled_back_by")
    public String rolledBackBy;

    @Column(name = "rolled_back_at")
    public Instant rolledBackAt;

    @Column(name = "effectiveness_due_at")
    public Instant effectivenessDueAt;

    @Column(name = "effectiveness_outcome")
    public String effectivenessOutcome;

    @Column(name = "effectiveness_notes")
    public String effectivenessNotes;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Version
    public long version;

    public String key() {
        return "CHG-" + number;
    }

    public static class Parameters extends JsonColumn.Converter<Map<String, String>> {
        public Parameters() {
            super(new com.fasterxml.jackson.core.type.TypeReference<>() {
            });
        }
    }

    public static class Plan extends JsonColumn.Converter<RollbackPlan> {
        public Plan() {
            super(new com.fasterxml.jackson.core.type.TypeReference<>() {
            });
        }
    }

    public static class Doc extends JsonColumn.Converter<Documentation> {
        public Doc() {
            super(new com.fasterxml.jackson.core.type.TypeReference<>() {
            });
        }
    }
}
