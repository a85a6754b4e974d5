package io.firebreak.platform.problem;

import java.util.Set;

/**
 * Database refusals that mean "two transactions collided, try again": serialization failures and
 * deadlocks (e.g. two writers taking the same outbox key locks in opposite orders). They answer 409
 * like an optimistic-lock conflict, not 500.
 */
final class ConcurrencyFailures {

    private static final Set<String> SQL_STATES = Set.of("40001", "40P01");

    private ConcurrencyFailures() {
    }

    /**
     * A unique or exclusion constraint refused a row: two writers created the same thing at once (two
     * registrations of one name) or a caller repeated a creation. The caller's answer is 409.
     */
    static boolean isDuplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.vertx.pgclient.PgException pg && ("23505".equals(pg.getSqlState()) || "23P01".equals(pg.getSqlState()))) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && ("23505".equals(sql.getSQLState()) || "23P01".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.vertx.pgclient.PgException pg && SQL_STATES.contains(pg.getSqlState())) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && SQL_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
