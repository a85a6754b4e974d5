package io.firebreak.classification.model.policy;

import io.firebreak.events.Priority;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Thresholds for P1, P2 and P3 (below all of them: P4), for one tier or one service. */
@RegisterForReflection
public record PriorityThresholds(Thresholds p1, Thresholds p2, Thresholds p3) {

    /**
     * These thresholds with a service's override laid over them field by field: what the override
     * sets replaces the tier's value, what it leaves out keeps it.
     */
    public PriorityThresholds overriddenBy(PriorityThresholds override) {
        if (override == null) {
            return this;
        }
        return new PriorityThresholds(Thresholds.merge(p1, override.p1), Thresholds.merge(p2, override.p2),
                Thresholds.merge(p3, override.p3));
    }

    public Thresholds of(Priority priority) {
        return switch (priority) {
            case P1 -> p1;
            case P2 -> p2;
            case P3 -> p3;
            case P4 -> null;
        };
    }
}
