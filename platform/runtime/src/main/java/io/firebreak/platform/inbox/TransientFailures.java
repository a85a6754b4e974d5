package io.firebreak.platform.inbox;

import io.firebreak.platform.sql.SqlStates;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

/**
 * Failures that say nothing about the record — the database is restarting, unreachable or out of connections —
 * as opposed to failures of the effect itself (a constraint, a bug). A record must never be dead-lettered for
 * the first kind: the inbox keeps retrying it until the database is back.
 */
public final class TransientFailures {

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof ClosedChannelException || t instanceof TimeoutException
                    || t instanceof ClosedConnectionException) {
                return true;
            }
            String name = t.getClass().getName();
            // Hibernate's wrapper for a lost connection, and Netty's connect timeout (not on the compile path here).
            if (name.equals("org.hibernate.exception.JDBCConnectionException")
                    || name.equals("io.netty.channel.ConnectTimeoutException")) {
                return true;
            }
        }
        return SqlStates.anyCause(failure, TransientFailures::transientSqlState);
    }

    /** Connection exceptions (08), shutdown and cannot-connect-now (57P01–57P03), too many connections (53300). */
    private static boolean transientSqlState(String state) {
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03") || state.equals("53300");
    }
}
