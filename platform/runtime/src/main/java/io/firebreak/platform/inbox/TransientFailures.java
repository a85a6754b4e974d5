package io.firebreak.platform.inbox;

import io.firebreak.platform.sql.SqlStates;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

/**
 * Failures that say nothing about the record — the database is restarting, unreachable or out of connections, or
 * this service is shutting down and has closed its pool — as opposed to failures of the effect itself (a constraint,
 * a bug). A record must never be dead-lettered for the first kind: the inbox keeps retrying it until the database is
 * back, or (at shutdown) leaves it unacknowledged, so its offset is not committed and the next owner of the partition
 * gets it again.
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
            if (closedPool(t)) {
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

    /**
     * Vert.x fails every use of a pool it has closed with a stackless "Pool closed" — what a consumer still working
     * through its fetched records meets while Quarkus shuts down (a rolling deploy): dead-lettering those would lose
     * them for this consumer (found in the e2e benchmark's stop: 38 events of one run in the DLQs).
     */
    private static boolean closedPool(Throwable t) {
        return t instanceof io.vertx.core.impl.NoStackTraceThrowable && "Pool closed".equals(t.getMessage());
    }

    /** Connection exceptions (08), shutdown and cannot-connect-now (57P01–57P03), too many connections (53300). */
    private static boolean transientSqlState(String state) {
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03") || state.equals("53300");
    }
}
