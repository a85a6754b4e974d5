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
