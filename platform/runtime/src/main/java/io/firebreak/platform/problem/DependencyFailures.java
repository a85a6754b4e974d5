package io.firebreak.platform.problem;

import io.firebreak.platform.sql.SqlStates;

/**
 * Failures that mean "a dependency is not there right now" (mostly the database; a refused or reset socket to any
 * other dependency counts too), not "this request is wrong" nor "this
 * service is broken": the connection was refused or dropped, or PostgreSQL is shutting down, restarting or not yet
 * accepting connections. The caller's answer is 503 with Retry-After; the fault run met them as 500s while
 * PostgreSQL went through an immediate-mode restart (docs/reliability.md).
 */
final class DependencyFailures {

    private DependencyFailures() {
    }

    static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // SocketException covers a refused connection (ConnectException) and one the server reset.
            if (t instanceof java.net.SocketException || t instanceof io.vertx.sqlclient.ClosedConnectionException
                    || t instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
            // The reactive client's word for a pooled connection the server already closed.
            if (t instanceof io.vertx.core.impl.NoStackTraceThrowable && t.getMessage() != null
                    && t.getMessage().startsWith("Connection is not active now")) {
                return true;
            }
        }
        return SqlStates.anyCause(e, DependencyFailures::unavailable);
    }

    /**
     * Class 08 (connection exception) and all of class 57P: 57P01–57P03 (admin shutdown, crash shutdown, cannot connect
     * now) and also 57P04 (database dropped) and 57P05 (idle-session timeout), which are "try again later" as well.
     */
    private static boolean unavailable(String sqlState) {
        return sqlState.startsWith("08") || sqlState.startsWith("57P");
    }
}
