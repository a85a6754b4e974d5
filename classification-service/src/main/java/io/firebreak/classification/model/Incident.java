package io.firebreak.classification.model;

import io.firebreak.events.Priority;
import io.firebreak.classification.model.policy.Evaluation;
import io.firebreak.classification.model.policy.ImpactFacts;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** An incident in the registry. Never leaves the service: the API speaks records. */
@Entity
@Table(name = "incident")
public class Incident {

    @Id
    public UUID id;

    @Column(name = "incident_key", nullable = false, unique = true)
    public String key;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String summary;

    @Column(name = "business_service", nullable = false)
    public String businessService;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    @Column(name = "detected_at", nullable = false)
    public Instant detectedAt;

    @Column(name = "declared_at", nullable = false)
    public Instant declaredAt;

    @Column(name = "declared_by", nullable = false)
    public String declaredBy;

    @Convert(converter = JsonConverters.Facts.class)
    @Column(nullable = false)
    public ImpactFacts impact;

    /** Active policy version that computed the priority; null when no policy was active. */
    @Column(name = "policy_version")
    public Integer policyVersion;

    @Convert(converter = JsonConverters.Explanation.class)
    public Evaluation explanation;

    @Enumerated(EnumType.STRING)
    @Column(name = "proposed_priority")
    public Priority proposedPriority;

    @Column(name = "dispute_justification")
    public String disputeJustification;

    @Enumerated(EnumType.STRING)
    @Column(name = "temporary_p1_status")
    public TemporaryP1Status temporaryP1Status;

    @Column(name = "temporary_p1_expires_at")
    public Instant temporaryP1ExpiresAt;

    @Column(name = "temporary_p1_by")
    public String temporaryP1By;

    @Column(name = "temporary_p1_designated_at")
    public Instant temporaryP1DesignatedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "final_priority")
    public Priority finalPriority;

    @Column(name = "alert_group_id")
    public UUID alertGroupId;

    /** An exercise: paged as a drill, never counted in real metrics. */
    @Column(nullable = false)
    public boolean drill;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "classification_basis", nullable = false)
    public ClassificationBasis classificationBasis = ClassificationBasis.POLICY;

    @Version
    public long version;
}
