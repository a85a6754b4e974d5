package io.firebreak.platform.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs this instance's relay. It wakes on PostgreSQL {@code NOTIFY} (sent by the outbox table's
 * trigger at commit), so an idle service publishes within milliseconds; a periodic poll covers
 * notifications missed while the listener reconnects. Drains while batches come back full.
 */
@ApplicationScoped
public class OutboxRelayService {

    private static final Logger LOG = Logger.getLogger(OutboxRelayService.class);
    private static final Duration PURGE_INTERVAL = Duration.ofHours(1);

    private final Vertx vertx;
    private final OutboxConfig config;
    private final OutboxRelay relay;
    private final PgConnectOptions listenOptions;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean paused;
    private volatile boolean stopped;
    private PgSubscriber subscriber;
    private long pollTimer = -1;
    private long purgeTimer = -1;

    public OutboxRelayService(Vertx vertx, Pool pool, OutboxSender sender, OutboxConfig config,
                              @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                              @ConfigProperty(name = "quarkus.datasource.username") String user,
                              @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.config = config;
        this.relay = new OutboxRelay(pool, sender, config.schema(), config.batchSize(),
                new Backoff(config.initialBackoff(), config.maxBackoff()), "relay-" + UUID.randomUUID());
        this.listenOptions = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setUser(user).setPassword(password.orElse(null));
    }

    /** The PostgreSQL channel the outbox trigger notifies for this schema. */
    public static String channel(String schema) {
        return "firebreak_outbox_" + schema;
    }

    void start(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled on this instance");
            return;
        }
        subscriber = PgSubscriber.subscriber(vertx, listenOptions).reconnectPolicy(retries -> 1_000L);
        subscriber.channel(channel(config.schema())).handler(payload -> trigger());
        subscriber.connect().subscribe().with(
                ok -> trigger(),
                e -> LOG.warnf("Outbox listener could not connect, polling every %s: %s", config.pollInterval(), e.getMessage()));
        pollTimer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> trigger());
        purgeTimer = vertx.setPeriodic(PURGE_INTERVAL.toMillis(), id -> relay.purgeSent(config.retention()).subscribe().with(
                n -> LOG.debugf("Purged %d published outbox rows", n),
                e -> LOG.warnf("Outbox purge failed: %s", e.getMessage())));
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        if (pollTimer >= 0) {
            vertx.cancelTimer(pollTimer);
        }
        if (purgeTimer >= 0) {
            vertx.cancelTimer(purgeTimer);
        }
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }

    /** Asks for a relay run; coalesces with a run already in progress. */
    public void trigger() {
        again.set(true);
        if (!paused && !stopped && running.compareAndSet(false, true)) {
            drain();
        }
    }

    private void drain() {
        again.set(false);
        relay.relayOnce().subscribe().with(result -> {
            if (result.claimed() >= config.batchSize() && result.published() > 0) {
                again.set(true);
            }
            if (result.failed() > 0) {
                retryLater();
            }
            finish();
        }, failure -> {
            LOG.warnf("Outbox relay run failed, will retry: %s", failure.getMessage());
            retryLater();
            finish();
        });
    }

    /** Failed rows wait for their backoff; look again then rather than at the next poll. */
    private void retryLater() {
        if (!stopped) {
            vertx.setTimer(Math.max(1, config.initialBackoff().toMillis()), id -> trigger());
        }
    }

    private void finish() {
        running.set(false);
        if (again.get()) {
            trigger();
        }
    }

    /** Stops starting new runs (for maintenance and tests); completes when the current run is over. */
    public Uni<Void> pause() {
        paused = true;
        return Uni.createFrom().item(running::get).repeat().withDelay(Duration.ofMillis(20))
                .until(busy -> !busy).collect().last().replaceWithVoid();
    }

    public void resume() {
        paused = false;
        trigger();
    }

    public Uni<Integer> purgeSent() {
        return relay.purgeSent(config.retention());
    }
}
