package io.firebreak.platform.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.platform.outbox.Backoff;
import io.firebreak.platform.sql.NotifyListener;
import io.firebreak.platform.sql.SessionSql;
import io.firebreak.platform.sql.SqlIdentifiers;
import io.firebreak.platform.work.RunCoalescer;
import io.firebreak.platform.work.SafeContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries. A run claims a batch with a lease ({@code FOR UPDATE SKIP LOCKED}: replicas
 * share the work, and a worker that dies mid-send loses its claim when the lease ends), skipping any
 * delivery behind an older pending one of the same ordering key; sends them concurrently; and records
 * each attempt in its own transaction. A final outcome (delivered, or dead: out of attempts or refused
 * for good) is handed to the purpose's {@link DeliveryOutcomeHandler} in that same transaction. Woken at
 * commit by NOTIFY; a periodic poll covers retries that came due and a reconnecting listener. A first
 * attempt enqueued inside an {@link io.firebreak.platform.work.AfterCommit} scope skips both: its row is
 * inserted already leased to this worker and sent as soon as the transaction commits.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final Vertx vertx;
    private final Pool pool;
    private final DeliverySender sender;
    private final ObjectMapper mapper;
    private final DeliveryConfig config;
    private final Map<String, DeliveryOutcomeHandler> handlers = new HashMap<>();
    private final Backoff backoff;
    private final String owner = "delivery-" + UUID.randomUUID();
    private final NotifyListener listener;
    private final RunCoalescer<Integer> runs;
    private final Counter delivered;
    private final Counter failedAttempts;
    private final Counter dead;
    private final Counter deferred;
    private final String claim;
    private final String recordAttempt;
    private final String finish;
    private final String deferSql;
    private final String purge;
    private final String pendingOutcomes;
    private final String takeOutcome;
    private volatile boolean stopped;
    private volatile boolean started;
    private final Counter committedSends;
    /** Sends under way: a run claims only what fits below the limit, and every finished send asks for a run. */
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private long pollTimer = -1;
    /** The last run filled its batch (more may be due at once). */
    private volatile boolean lastRunFull;
    /** A run found no room below the in-flight limit: the next finished send asks for a run. */
    private volatile boolean starved;

    public DeliveryWorker(Vertx vertx, Pool pool, DeliverySender sender, ObjectMapper mapper, DeliveryConfig config,
                          @Any Instance<DeliveryOutcomeHandler> all, MeterRegistry registry,
                          @ConfigProperty(name = "quarkus.application.name") String service) {
        this.vertx = vertx;
        this.pool = pool;
        this.sender = sender;
        this.mapper = mapper;
        this.config = config;
        for (DeliveryOutcomeHandler handler : all) {
            if (handlers.put(handler.purpose(), handler) != null) {
                throw new IllegalStateException("two outcome handlers for delivery purpose " + handler.purpose());
            }
        }
        this.backoff = new Backoff(config.initialBackoff(), config.maxBackoff());
        String schema = SqlIdentifiers.schema(config.schema());
        String table = schema + ".outbound_delivery";
        this.listener = new NotifyListener(vertx, pool, channel(config.schema()), this::trigger,
                new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30)));
        this.runs = new RunCoalescer<>(this::runOnce, this::afterRun, e -> {
            LOG.warnf("Delivery run failed, the next one retries: %s", e.getMessage());
            retryLater();
        });
        this.delivered = Counter.builder("firebreak.delivery.delivered").description("Deliveries delivered")
                .tag("service", service).register(registry);
        this.failedAttempts = Counter.builder("firebreak.delivery.attempt.failures").description("Failed delivery attempts")
                .tag("service", service).register(registry);
        this.committedSends = Counter.builder("firebreak.delivery.sent-at-commit")
                .description("Deliveries sent right after their enqueueing transaction committed, without a claim")
                .tag("service", service).register(registry);
        this.deferred = Counter.builder("firebreak.delivery.deferred").description("Sends not tried because the destination's circuit was open")
                .tag("service", service).register(registry);
        this.dead = Counter.builder("firebreak.delivery.dead").description("Deliveries given up (dead letters)")
                .tag("service", service).register(registry);
        this.claim = "update " + table + " d set lease_owner = $1, lease_until = now() + $2 * interval '1 millisecond'"
                + " where d.id in (select c.id from " + table + " c where c.status = 'PENDING' and c.next_attempt_at <= now()"
                + " and (c.lease_until is null or c.lease_until < now())"
                + " and (c.ordering_key is null or not exists (select 1 from " + table + " o where o.ordering_key = c.ordering_key"
                + " and o.status = 'PENDING' and o.seq < c.seq))"
                + " order by c.seq limit $3 for update skip locked)"
                + " returning d.id, d.purpose, d.reference, cast(d.message as text), d.attempts, d.max_attempts, d.ordering_key";
        this.recordAttempt = "insert into " + schema + ".outbound_attempt (delivery_id, attempt, started_at, duration_ms, status_code, error, outcome)"
                + " values (:id, :attempt, :startedAt, :duration, :status, :error, :outcome)";
        // A delivery cancelled while this worker's send was in flight kept the lease: the attempt is recorded all the
        // same; it ends DELIVERED when the receiver took it (it did leave) and stays CANCELLED otherwise (no retry).
        this.finish = "update " + table + " set attempts = :attempt,"
                + " status = case when status = 'PENDING' or :status = 'DELIVERED' then :status else status end,"
                + " last_status = :lastStatus, last_error = :error, last_response = :response,"
                + " next_attempt_at = now() + cast(:delayMillis as bigint) * interval '1 millisecond', lease_owner = null, lease_until = null,"
                + " ended_at = case when status = 'CANCELLED' and :status <> 'DELIVERED' then ended_at when :status = 'PENDING' then null else now() end,"
                + " outcome_pending = case when status = 'PENDING' or :status = 'DELIVERED' then :outcomePending else false end"
                + " where id = :id and lease_owner = :owner and status in ('PENDING', 'CANCELLED') returning status";
        this.deferSql = "update " + table + " set last_error = :error, next_attempt_at = now() + cast(:delayMillis as bigint) * interval '1 millisecond',"
                + " lease_owner = null, lease_until = null where id = :id and lease_owner = :owner and status = 'PENDING'";
        this.pendingOutcomes = "select id from " + table + " where outcome_pending limit 100";
        this.takeOutcome = "update " + table + " set outcome_pending = false where id = :id and outcome_pending"
                + " returning id, purpose, reference, status, attempts, last_status, last_error, last_response";
        this.purge = "delete from " + table + " where ended_at < now() - $1 * interval '1 millisecond'";
    }

    /** The PostgreSQL channel the delivery table's trigger notifies for this schema. */
    public static String channel(String schema) {
        return "firebreak_delivery_" + schema;
    }

    void start(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.PLATFORM_AFTER) StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Outbound delivery disabled on this instance");
            return;
        }
        listener.start();
        started = true;
        pollTimer = vertx.setPeriodic(Math.max(1, config.pollInterval().toMillis()), id -> {
            trigger();
            handOverPendingOutcomes().subscribe().with(ok -> { }, e -> LOG.warnf("Pending delivery outcomes not handed over: %s", e.getMessage()));
        });
        vertx.setPeriodic(Duration.ofHours(1).toMillis(), id -> pool.preparedQuery(purge).execute(Tuple.of(config.retention().toMillis()))
                .subscribe().with(ok -> { }, e -> LOG.warnf("Delivery purge failed: %s", e.getMessage())));
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        runs.stop();
        listener.stop();
        if (pollTimer >= 0) {
            vertx.cancelTimer(pollTimer);
        }
    }

    /** Asks for a run; coalesces with a run in progress. */
    public void trigger() {
        if (!stopped) {
            runs.trigger();
        }
    }

    /**
     * Another run at once only when this one filled its batch: more may be due. (Asking after every run
     * that claimed anything, and after every send, tripled the claim queries per delivery under load.)
     */
    private void afterRun(Integer claimed) {
        if (claimed > 0 && lastRunFull) {
            trigger();
        }
    }

    private void retryLater() {
        if (!stopped) {
            vertx.setTimer(Math.max(1, config.initialBackoff().toMillis()), id -> trigger());
        }
    }

    /**
     * One run: claims what fits below the in-flight limit and starts sending it; answers how many were
     * claimed without waiting for the sends (a slow receiver must not hold back the next claim). Each
     * send records its attempt when it ends and asks for another run.
     */
    public Uni<Integer> runOnce() {
        int room = Math.min(config.batchSize(), config.maxInFlight() - inFlight.get());
        if (room <= 0) {
            starved = true;
            return Uni.createFrom().item(0);
        }
        return pool.preparedQuery(claim).execute(Tuple.of(owner, config.lease().toMillis(), room))
                .map(rows -> {
                    int claimed = 0;
                    for (Row row : rows) {
                        claimed++;
                        start(row.getUUID(0), row.getString(1), row.getString(2), null, row.getString(3), row.getInteger(4) + 1,
                                row.getInteger(5), row.getString(6) != null);
                    }
                    lastRunFull = claimed >= room;
                    return claimed;
                });
    }

    /**
     * Starts one send in the background. The end of an ordered delivery frees its successor; the end of
     * any send frees room for a starved run.
     */
    private void start(UUID id, String purpose, String reference, OutboundMessage parsed, String json, int attempt, int max,
                       boolean ordered) {
        inFlight.incrementAndGet();
        attempt(id, purpose, reference, parsed, json, attempt, max).onTermination().invoke(() -> {
            inFlight.decrementAndGet();
            if (ordered || starved) {
                starved = false;
                trigger();
            }
        }).subscribe().with(ok -> { }, e -> LOG.warnf("Delivery attempt failed unexpectedly: %s", e.getMessage()));
    }

    /**
     * Whether a delivery enqueued now may be leased to this worker in its own insert and sent right after
     * the commit ({@link #sendCommitted}), skipping the wake-up and the claim: only while this instance
     * sends and has room below its in-flight limit. Unordered deliveries only (an ordered one waits for
     * its predecessors, which only the claim checks).
     */
    boolean takesAtCommit() {
        return config.enabled() && started && !stopped && inFlight.get() < config.maxInFlight();
    }

    /** The lease owner a delivery taken at commit is inserted with. */
    String owner() {
        return owner;
    }

    /**
     * Sends a delivery whose insert, leased to this worker, has just committed. Should this replica die
     * first, the lease runs out and any worker's claim takes it, as for a send cut short.
     */
    void sendCommitted(UUID id, String purpose, String reference, OutboundMessage message, int max) {
        if (stopped || dropCommittedSends) {
            return;
        }
        committedSends.increment();
        start(id, purpose, reference, message, null, 1, max, false);
    }

    /** Test seam: drops sends handed over at commit, as a replica that died right after its commit would. */
    private volatile boolean dropCommittedSends;

    void dropCommittedSends(boolean drop) {
        dropCommittedSends = drop;
    }

    /** Test seam: no claim runs until {@link #resumeClaims()}; sends handed over at commit still go. */
    Uni<Void> pauseClaims() {
        return runs.pause();
    }

    void resumeClaims() {
        runs.resume();
        trigger();
    }

    private Uni<Void> attempt(UUID id, String purpose, String reference, OutboundMessage parsed, String json, int attempt, int max) {
        OutboundMessage message = parsed;
        if (message == null) {
            try {
                message = mapper.readValue(json, OutboundMessage.class);
            } catch (Exception e) {
                return record(id, purpose, reference, attempt, max, Instant.now(), SendResult.permanent(null, "unreadable message: " + e.getMessage()));
            }
        }
        Instant started = Instant.now();
        return sender.send(id, message).chain(result -> record(id, purpose, reference, attempt, max, started, result));
    }

    private Uni<Void> record(UUID id, String purpose, String reference, int attempt, int max, Instant started, SendResult result) {
        if (result.kind() == SendResult.Kind.DEFERRED) {
            return defer(id, result.error());
        }
        boolean done = result.kind() == SendResult.Kind.DELIVERED;
        boolean deadNow = !done && (result.kind() == SendResult.Kind.PERMANENT || attempt >= max);
        String outcome = done ? "DELIVERED" : deadNow ? "DEAD" : "RETRY";
        String status = done ? "DELIVERED" : deadNow ? "DEAD" : "PENDING";
        long delay = done || deadNow ? 0 : delayAfter(attempt, result.retryAfter()).toMillis();
        int duration = (int) Math.min(Integer.MAX_VALUE, Duration.between(started, Instant.now()).toMillis());
        if (!done) {
            failedAttempts.increment();
        }
        DeliveryOutcome ended = done || deadNow
                ? new DeliveryOutcome(id, purpose, reference, done, attempt, result.status(), result.error(), result.body()) : null;
        Attempt recorded = new Attempt(id, attempt, started, duration, status, outcome, delay, result);
        return store(recorded, ended, false)
                .onFailure().recoverWithUni(e -> {
                    if (ended == null || handlers.get(purpose) == null) {
                        return Uni.createFrom().failure(e);
                    }
                    // The handler failed, not the sending: keep the attempt and hand the outcome over later.
                    LOG.warnf("Delivery %s: outcome handler for %s failed (%s); handed over again later", id, purpose, e.getMessage());
                    return store(recorded, null, true);
                })
                .invoke(() -> {
                    if (done) {
                        delivered.increment();
                    } else if (deadNow) {
                        dead.increment();
                        LOG.warnf("Delivery %s (%s %s) is dead after %d attempt(s): %s", id, purpose, reference, attempt, result.error());
                    }
                })
                .onFailure().recoverWithItem(e -> {
                    // Nothing recorded (the database failed): the lease runs out and the delivery is attempted again.
                    LOG.warnf("Delivery %s: attempt %d not recorded (%s); retried after its lease", id, attempt, e.getMessage());
                    return null;
                });
    }

    private record Attempt(UUID id, int attempt, Instant started, int duration, String status, String outcome, long delay,
                           SendResult result) {
    }

    /**
     * The destination's circuit is open: nothing left this machine, so no attempt is spent — a receiver down for
     * longer than all attempts' backoff would otherwise lose deliveries that never reached it. Tried again once the
     * circuit may let a call through.
     */
    private Uni<Void> defer(UUID id, String why) {
        deferred.increment();
        return SafeContext.run(vertx, () -> Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(deferSql)
                        .setParameter("id", id).setParameter("owner", owner).setParameter("error", why)
                        .setParameter("delayMillis", config.circuitDelay().toMillis()).executeUpdate())))
                .replaceWithVoid()
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Delivery %s: deferral not recorded (%s); retried after its lease", id, e.getMessage());
                    return null;
                });
    }

    /** Records an attempt and the delivery's new state; hands a final outcome to its handler in the same transaction. */
    private Uni<Void> store(Attempt a, DeliveryOutcome ended, boolean outcomePending) {
        return SafeContext.run(vertx, () -> Panache.withTransaction(() -> Panache.getSession().chain(s -> SessionSql.on(s, finish)
                        .bind("id", a.id()).bind("owner", owner).bind("attempt", a.attempt())
                        .bind("status", a.status()).bind("lastStatus", a.result().status())
                        .bind("error", a.result().error()).bind("delayMillis", a.delay())
                        .bind("response", a.result().body())
                        .bind("outcomePending", outcomePending)
                        .column()
                        .chain(updated -> {
                            if (updated.isEmpty()) {
                                LOG.warnf("Delivery %s: lease lost before its attempt was recorded; another worker retries it", a.id());
                                return Uni.createFrom().voidItem();
                            }
                            boolean cancelled = "CANCELLED".equals(String.valueOf(updated.get(0)));
                            return s.createNativeQuery(recordAttempt)
                                    .setParameter("id", a.id()).setParameter("attempt", a.attempt())
                                    .setParameter("startedAt", java.time.OffsetDateTime.ofInstant(a.started(), java.time.ZoneOffset.UTC))
                                    .setParameter("duration", a.duration()).setParameter("status", a.result().status())
                                    .setParameter("error", a.result().error()).setParameter("outcome", cancelled ? "CANCELLED" : a.outcome())
                                    .executeUpdate()
                                    .chain(() -> ended != null && !cancelled ? finished(ended) : Uni.createFrom().voidItem());
                        }))));
    }

    /** Hands outcomes whose handler failed to it again, each in its own transaction; answers how many succeeded. */
    public Uni<Integer> handOverPendingOutcomes() {
        return pool.preparedQuery(pendingOutcomes).execute().chain(rows -> {
            List<Uni<Boolean>> each = new ArrayList<>();
            for (Row row : rows) {
                each.add(handOver(row.getUUID(0)));
            }
            return each.isEmpty() ? Uni.createFrom().item(0)
                    : Uni.join().all(each).andCollectFailures().map(list -> (int) list.stream().filter(b -> b).count());
        });
    }

    private Uni<Boolean> handOver(UUID id) {
        return SafeContext.run(vertx, () -> Panache.withTransaction(() -> Panache.getSession().chain(s -> SessionSql.on(s, takeOutcome)
                        .bind("id", id).rows()
                        .chain(rows -> {
                            if (rows.isEmpty()) {
                                return Uni.createFrom().item(false);
                            }
                            Object[] r = rows.get(0);
                            DeliveryOutcome outcome = new DeliveryOutcome((UUID) r[0], (String) r[1], (String) r[2], "DELIVERED".equals(r[3]),
                                    ((Number) r[4]).intValue(), r[5] == null ? null : ((Number) r[5]).intValue(), (String) r[6], (String) r[7]);
                            return finished(outcome).replaceWith(true);
                        }))))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Delivery %s: outcome handler failed again (%s)", id, e.getMessage());
                    return false;
                });
    }

    private Uni<Void> finished(DeliveryOutcome outcome) {
        DeliveryOutcomeHandler handler = handlers.get(outcome.purpose());
        return handler == null ? Uni.createFrom().voidItem() : handler.finished(outcome);
    }

    /** Exponential backoff with ± jitter; a receiver's longer Retry-After wins. */
    Duration delayAfter(int attempt, Duration retryAfter) {
        long base = backoff.after(attempt).toMillis();
        double factor = 1 + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * config.jitter();
        long millis = Math.max(0, Math.round(base * factor));
        if (retryAfter != null && retryAfter.toMillis() > millis) {
            millis = retryAfter.toMillis();
        }
        return Duration.ofMillis(millis);
    }
}
