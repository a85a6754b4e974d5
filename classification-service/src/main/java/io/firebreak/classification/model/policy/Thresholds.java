package io.firebreak.classification.model.policy;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The measured values at or above which a priority applies; any one reached is enough. A null
 * threshold is not used.
 */
@RegisterForReflection
public record Thresholds(Double revenueLossPerHour, Long usersAffected, Double usersAffectedShare) {

    /** {@code base} with every value {@code override} sets replacing base's. */
    static Thresholds merge(Thresholds base, Thresholds override) {
        if (override == null) {
            return base;
        }
        if (base == null) {
            return override;
        }
        return new Thresholds(
                override.revenueLossPerHour != null ? override.revenueLossPerHour : base.revenueLossPerHour,
                override.usersAffected != null ? override.usersAffected : base.usersAffected,
                override.usersAffectedShare != null ? override.usersAffectedShare : base.usersAffectedShare);
    }
}
