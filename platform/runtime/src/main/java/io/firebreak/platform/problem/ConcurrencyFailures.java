package io.firebreak.platform.problem;

import io.firebreak.platform.sql.SqlStates;

import java.util.Set;

/**
 * Database refusals that mean "two transactions collided, try again": serialization failures and
 * deadlocks (e.g. two writers taking the same outbox key locks in opposite orders). They answer 409
 * like an optimistic-lock conflict, not 500.
 */
final class ConcurrencyFailures {

    private static final Set<String> COLLIDED = Set.of("40001", "40P01");
    private static final Set<String> DUPLICATE = Set.of("23505", "23P01");

    private ConcurrencyFailures() {
    }

    /**
     * A unique or exclusion constraint refused a row: two writers created the same thing at once (two
     * registrations of one name) or a caller repeated a creation. The caller's answer is 409.
     */
    static boolean isDuplicate(Throwable e) {
        return SqlStates.anyCause(e, DUPLICATE::contains);
    }

    static boolean isTransient(Throwable e) {
        return SqlStates.anyCause(e, COLLIDED::contains);
    }
}
