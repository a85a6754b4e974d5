package io.firebreak.platform.outbox;

import io.firebreak.platform.sql.NotifyListener;
import io.firebreak.platform.work.RunCoalescer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs this instance's relay. It wakes on PostgreSQL {@code NOTIFY} (sent by the outbox table's trigger
 * at commit), so an idle service publishes within milliseconds; a periodic poll covers the time the
 * listener is reconnecting. Runs are coalesced and go on while batches come back full.
 */
@ApplicationScoped
public class OutboxRelayService {

    private static final Logger LOG = Logger.getLogger(OutboxRelayService.class);

    private final Vertx vertx;
    private final OutboxSender sender;
    private final OutboxConfig config;
    private final OutboxRelay relay;
    private final NotifyListener listener;
    private final RunCoalescer<RelayResult> runs;
    private final Counter published;
    private final Counter failed;
    private final Counter parked;
    private final AtomicInteger purges = new AtomicInteger();
    private final Counter publishedAtCommit;
    private volatile boolean started;
    private volatile boolean stopped;
    private volatile boolean dropCommittedPublishes;
    private long pollTimer = -1;
    private long purgeTimer = -1;

    public OutboxRelayService(Vertx vertx, Pool pool, OutboxSender sender, OutboxConfig config, MeterRegistry registry,
                              @ConfigProperty(name = "quarkus.application.name") String service) {
        this.vertx = vertx;
        this.sender = sender;
        this.config = config;
        this.relay = new OutboxRelay(pool, sender, config.schema(), RelaySettings.of(config), "relay-" + UUID.randomUUID());
        this.listener = new NotifyListener(vertx, pool, channel(config.schema()), this::trigger,
                new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30)));
        this.runs = new RunCoalescer<>(relay::relayOnce, this::afterRun, this::afterFailure);
        this.published = Counter.builder("firebreak.outbox.rows.published").description("Outbox rows acknowledged by the broker")
                .tag("service", service).register(registry);
        this.publishedAtCommit = Counter.builder("firebreak.outbox.rows.published.at.commit")
                .description("Outbox rows this instance published the moment their transaction committed, without a claim (also counted in published)")
                .tag("service", service).register(registry);
        this.failed = Counter.builder("firebreak.outbox.send.failures").description("Failed attempts to publish an outbox row")
                .tag("service", service).register(registry);
        this.parked = Counter.builder("firebreak.outbox.rows.parked").description("Outbox rows parked: they need an operator")
                .tag("service", service).register(registry);
    }

    /** The PostgreSQL channel the outbox trigger notifies for this schema. */
    public static String channel(String schema) {
        return "firebreak_outbox_" + schema;
    }

    void start(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.PLATFORM_AFTER) StartupEvent event) {
        purgeTimer = vertx.setTimer(Math.max(1, config.purgeDelay().toMillis()), id -> purgeAndReschedule());
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled on this instance");
            return;
        }
        listener.start();
        pollTimer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> trigger());
        started = true;
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        runs.stop();
        listener.stop();
        if (pollTimer >= 0) {
            vertx.cancelTimer(pollTimer);
        }
        if (purgeTimer >= 0) {
            vertx.cancelTimer(purgeTimer);
        }
    }

    /**
     * Whether an event recorded now may be published by this instance at its transaction's commit
     * ({@link Outbox#recordPublishedAtCommit}): only while this instance's relay runs.
     */
    boolean takesAtCommit() {
        return config.relayEnabled() && started && !stopped;
    }

    /** The lease owner a row published at commit is inserted with: this instance's relay. */
    String owner() {
        return relay.name();
    }

    /**
     * Publishes a row whose insert, leased to this relay, has just committed, then marks it sent — no wake-up, no
     * claim. Should the send fail, the row goes back to the claims at once; should this instance die first, its
     * lease runs out and any relay's claim takes it, as for a run cut short.
     */
    void publishCommitted(OutboxRow row) {
        if (stopped || dropCommittedPublishes) {
            return;
        }
        sender.send(row).ifNoItem().after(config.runTimeout()).fail()
                .onFailure().call(failure -> {
                    failed.increment();
                    LOG.warnf("Could not publish outbox row %s (%s) at its commit, leaving it to the relay: %s", row.id(), row.type(),
                            failure.getMessage());
                    return relay.releaseAtCommit(row.id()).invoke(this::trigger).onFailure().recoverWithNull();
                })
                .chain(() -> relay.markSentAtCommit(row.id())
                        .onFailure().invoke(failure -> LOG.warnf("Published outbox row %s at its commit but could not mark it sent (%s):"
                                + " a relay publishes it again when its lease ends; consumers deduplicate", row.id(), failure.getMessage())))
                .subscribe().with(ignored -> {
                    published.increment();
                    publishedAtCommit.increment();
                }, failure -> { });
    }

    /** Test seam: drops rows handed over at commit, as an instance that died right after its commit would. */
    void dropCommittedPublishes(boolean drop) {
        dropCommittedPublishes = drop;
    }

    /** Asks for a relay run; coalesces with a run already in progress. */
    public void trigger() {
        runs.trigger();
    }

    private void afterRun(RelayResult result) {
        published.increment(result.published());
        failed.increment(result.failed());
        parked.increment(result.parked());
        if (result.claimed() >= config.batchSize() && result.published() + result.failed() > 0) {
            trigger(); // a full batch that made progress: there is probably more
        } else if (result.failed() > 0 || result.held() > 0) {
            retryLater(); // failed rows wait for their backoff; held rows for the relay that holds their key
        }
    }

    private void afterFailure(Throwable failure) {
        LOG.warnf("Outbox relay run failed, will retry: %s", failure.getMessage());
        retryLater();
    }

    private void retryLater() {
        if (!stopped) {
            vertx.setTimer(Math.max(1, config.initialBackoff().toMillis()), id -> trigger());
        }
    }

    private void purgeAndReschedule() {
        relay.purgeSent(config.retention()).subscribe().with(n -> {
            purges.incrementAndGet();
            LOG.debugf("Purged %d published outbox rows", n);
        }, e -> LOG.warnf("Outbox purge failed: %s", e.getMessage()));
        if (!stopped) {
            purgeTimer = vertx.setTimer(Math.max(1, config.purgeInterval().toMillis()), id -> purgeAndReschedule());
        }
    }

    /** Stops starting new runs (for maintenance and tests); completes when the current run is over. */
    public Uni<Void> pause() {
        return runs.pause();
    }

    public void resume() {
        runs.resume();
    }

    public Uni<Integer> purgeSent() {
        return relay.purgeSent(config.retention());
    }

    /** Scheduled purges completed since start. */
    public int purges() {
        return purges.get();
    }

    /** Whether the relay wakes on commit ({@code LISTENING}) or only polls, and the listener's last error. */
    public String wakeup() {
        NotifyListener.State state = listener.state();
        return listener.lastError() == null ? state.name() : state.name() + " (" + listener.lastError() + ")";
    }

    public boolean listening() {
        return listener.state() == NotifyListener.State.LISTENING;
    }

    public boolean relayEnabled() {
        return config.relayEnabled();
    }
}
