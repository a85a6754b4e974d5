package io.firebreak.platform.sql;

import io.firebreak.platform.outbox.Backoff;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Keeps a {@code LISTEN} on one channel and calls {@code onNotify} for each notification and after
 * every (re)connect. Its connection comes from the service's own reactive pool, so it has exactly the
 * datasource's settings (host, TLS, credentials). A failed first connect, a lost connection or a failed
 * {@code LISTEN} are retried with backoff for ever; meanwhile its owner polls, and {@link #state()} says so.
 */
public final class NotifyListener {

    private static final Logger LOG = Logger.getLogger(NotifyListener.class);

    public enum State { STARTING, LISTENING, POLLING, STOPPED }

    private final Vertx vertx;
    private final Pool pool;
    private final String channel;
    private final Runnable onNotify;
    private final Backoff backoff;
    private volatile State state = State.STARTING;
    private volatile String lastError;
    private volatile SqlConnection connection;
    private volatile long reconnectTimer = -1;

    public NotifyListener(Vertx vertx, Pool pool, String channel, Runnable onNotify, Backoff backoff) {
        this.vertx = vertx;
        this.pool = pool;
        this.channel = channel;
        this.onNotify = onNotify;
        this.backoff = backoff;
    }

    public void start() {
        connect(0);
    }

    public State state() {
        return state;
    }

    public String lastError() {
        return lastError;
    }

    private void connect(int failures) {
        if (state == State.STOPPED) {
            return;
        }
        pool.getConnection().subscribe().with(conn -> listen(conn, failures), e -> failed(failures, e));
    }

    private void listen(SqlConnection conn, int failures) {
        if (state == State.STOPPED) {
            conn.closeAndForget();
            return;
        }
        PgConnection pg = PgConnection.cast(conn);
        pg.notificationHandler(n -> {
            if (channel.equals(n.getChannel())) {
                onNotify.run();
            }
        });
        pg.closeHandler(() -> {
            if (state != State.STOPPED && connection == conn) {
                connection = null;
                failed(0, new IllegalStateException("LISTEN connection closed"));
            }
        });
        pg.query("LISTEN " + channel).execute().subscribe().with(ok -> {
            connection = conn;
            state = State.LISTENING;
            lastError = null;
            if (failures > 0) {
                LOG.infof("Listener on %s is back; woken on commit again", channel);
            }
            onNotify.run(); // whatever committed while nobody listened
        }, e -> {
            conn.closeAndForget();
            failed(failures, e);
        });
    }

    private void failed(int failures, Throwable e) {
        if (state == State.STOPPED) {
            return;
        }
        state = State.POLLING;
        lastError = e.getMessage();
        Duration delay = backoff.after(failures + 1);
        if (failures == 0) {
            LOG.warnf("Listener on %s failed (%s); polling, reconnecting with backoff", channel, e.getMessage());
        }
        reconnectTimer = vertx.setTimer(Math.max(1, delay.toMillis()), id -> connect(failures + 1));
    }

    public void stop() {
        state = State.STOPPED;
        if (reconnectTimer >= 0) {
            vertx.cancelTimer(reconnectTimer);
        }
        SqlConnection conn = connection;
        if (conn != null) {
            conn.closeAndForget();
        }
    }
}
