package io.firebreak.classification.model.policy;

import io.firebreak.events.Priority;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One rule as evaluated: which rule, for which priority, the measured value against the threshold,
 * and whether it fired or nearly fired (reached the borderline margin without firing).
 */
@RegisterForReflection
public record RuleCheck(String rule, Priority priority, String fact, Object measured, Object threshold,
                        boolean fired, boolean borderline) {
}
