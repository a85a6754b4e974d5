package io.firebreak.classification.domain.policy;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The measured values at or above which a priority applies; any one reached is enough. A null
 * threshold is not used.
 */
@RegisterForReflection
public record Thresholds(Double revenueLossPerHour, Long usersAffected, Double usersAffectedShare) {
}
