package io.firebreak.platform.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.platform.outbox.Backoff;
import io.firebreak.platform.testapp.Db;
import io.firebreak.testing.TcpProxy;
import io.firebreak.testing.TestPostgres;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The relay's wake-up connection against a database reached through a proxy that can refuse and cut. */
class NotifyListenerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CHANNEL = "firebreak_outbox_listener_test";

    private Vertx vertx;
    private TcpProxy proxy;
    private Pool pool;
    private NotifyListener listener;
    private final AtomicInteger wakeups = new AtomicInteger();

    @BeforeEach
    void setUp() {
        TestPostgres.start();
        vertx = Vertx.vertx();
        proxy = TcpProxy.to("127.0.0.1", TestPostgres.port());
        pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(2))
                .connectingTo(new PgConnectOptions().setHost("127.0.0.1").setPort(proxy.port()).setDatabase(TestPostgres.DATABASE)
                        .setUser(TestPostgres.USER).setPassword(TestPostgres.PASSWORD))
                .using(vertx).build();
        listener = new NotifyListener(vertx, pool, CHANNEL, wakeups::incrementAndGet,
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)));
    }

    @AfterEach
    void tearDown() {
        listener.stop();
        pool.close().await().atMost(WAIT);
        proxy.close();
        vertx.close().await().atMost(WAIT);
    }

    @Test
    void aListenerWhoseFirstConnectFailsKeepsTryingAndListensOnceTheDatabaseAnswers() {
        listener.start(); // the proxy refuses: the database is unreachable at start-up

        await().atMost(WAIT).until(() -> listener.state() == NotifyListener.State.POLLING);
        assertThat(listener.lastError()).isNotBlank();
        proxy.accept();

        await().atMost(WAIT).until(() -> listener.state() == NotifyListener.State.LISTENING);
        int before = wakeups.get();
        Db.count("select count(*) from (select pg_notify(?, '')) n", CHANNEL);
        await().atMost(WAIT).until(() -> wakeups.get() > before);
    }

    @Test
    void aListenerWhoseConnectionIsCutReconnectsAndHearsNotificationsAgain() {
        proxy.accept();
        listener.start();
        await().atMost(WAIT).until(() -> listener.state() == NotifyListener.State.LISTENING);

        proxy.cut();

        await().atMost(WAIT).until(() -> listener.state() == NotifyListener.State.POLLING
                || wakeups.get() >= 2); // the reconnect may be quick: it wakes the relay once more when back
        await().atMost(WAIT).until(() -> listener.state() == NotifyListener.State.LISTENING);
        int before = wakeups.get();
        Db.count("select count(*) from (select pg_notify(?, '')) n", CHANNEL);
        await().atMost(WAIT).until(() -> wakeups.get() > before);
    }
}
