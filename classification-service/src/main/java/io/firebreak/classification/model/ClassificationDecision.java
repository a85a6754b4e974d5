package io.firebreak.classification.model;

import io.firebreak.classification.model.policy.Evaluation;
import io.firebreak.events.Priority;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One entry of an incident's classification history: priority, why, by whom, under which policy. */
@Entity
@Table(name = "classification_decision")
public class ClassificationDecision {

    @Id
    public UUID id;

    @Column(name = "incident_id")
    public UUID incidentId;

    @Enumerated(EnumType.STRING)
    public DecisionKind kind;

    @Enumerated(EnumType.STRING)
    public Priority priority;

    @Enumerated(EnumType.STRING)
    @Column(name = "previous_priority")
    public Priority previousPriority;

    @Column(name = "policy_version")
    public Integer policyVersion;

    @Convert(converter = JsonConverters.Explanation.class)
    public Evaluation explanation;

    public String actor;

    public String reason;

    @Column(name = "decided_at")
    public Instant decidedAt;
}
