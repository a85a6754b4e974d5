package io.firebreak.classification.api;

import io.firebreak.classification.model.ClassificationDecision;
import io.firebreak.classification.model.DecisionKind;
import io.firebreak.classification.model.policy.Evaluation;
import io.firebreak.events.Priority;
import java.time.Instant;

/** One entry of an incident's classification history. */
public record DecisionView(DecisionKind kind, Priority priority, Priority previousPriority, Integer policyVersion,
                           Evaluation explanation, String actor, String reason, Instant decidedAt) {

    static DecisionView of(ClassificationDecision d) {
        return new DecisionView(d.kind, d.priority, d.previousPriority, d.policyVersion, d.explanation, d.actor, d.reason,
                d.decidedAt);
    }
}
