package io.firebreak.platform.sql;

import java.util.function.Predicate;

/**
 * The SQLSTATE of a database refusal anywhere in a failure's cause chain, whether the reactive PostgreSQL
 * client ({@code PgException}) or JDBC ({@code SQLException}, Flyway and tests) raised it.
 */
public final class SqlStates {

    private SqlStates() {
    }

    /** The first SQLSTATE in the failure's cause chain, or null if no database refused anything. */
    public static String first(Throwable e) {
        String[] found = new String[1];
        anyCause(e, state -> {
            found[0] = state;
            return true;
        });
        return found[0];
    }

    public static boolean anyCause(Throwable e, Predicate<String> sqlState) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = t instanceof io.vertx.pgclient.PgException pg ? pg.getSqlState()
                    : t instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
            if (state != null && sqlState.test(state)) {
                return true;
            }
        }
        return false;
    }
}
