package io.firebreak.change.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Code-freeze arithmetic: which freeze windows cover an implementation of a service at a time, whether a freeze
 * exception is still valid, and whether a rollback plan is complete enough to grant one. Windows are half-open
 * [from, until). Pure.
 */
public final class Freezes {

    private Freezes() {
    }

    /** A freeze window; an empty {@code services} list freezes every service. */
    public record Window(String name, Instant from, Instant until, List<String> services) {

        public boolean covers(String service, Instant at) {
            return !at.isBefore(from) && at.isBefore(until) && (services.isEmpty() || services.contains(service));
        }
    }

    /** The windows that freeze {@code service} at {@code at}. */
    public static List<Window> covering(List<Window> windows, String service, Instant at) {
        List<Window> out = new ArrayList<>();
        for (Window w : windows) {
            if (w.covers(service, at)) {
                out.add(w);
            }
        }
        return out;
    }

    /** An exception is valid from its grant until it expires (exclusive). */
    public static boolean exceptionValid(Instant grantedAt, Instant expiresAt, Instant at) {
        return !at.isBefore(grantedAt) && at.isBefore(expiresAt);
    }

    public record RollbackPlan(List<String> steps, String verification, Duration estimatedRollbackTime) {
    }

    /** What a rollback plan lacks for a freeze exception (empty when complete). */
    public static List<String> planGaps(RollbackPlan plan) {
        List<String> gaps = new ArrayList<>();
        if (plan == null) {
            return List.of("a rollback plan is required");
        }
        if (plan.steps() == null || plan.steps().stream().allMatch(s -> s == null || s.isBlank())) {
            gaps.add("the rollback plan needs its steps");
        }
        if (plan.verification() == null || plan.verification().isBlank()) {
            gaps.add("the rollback plan needs a verification check");
        }
        if (plan.estimatedRollbackTime() == null || plan.estimatedRollbackTime().isNegative() || plan.estimatedRollbackTime().isZero()) {
            gaps.add("the rollback plan needs an estimated rollback time");
        }
        return gaps;
    }
}
