package io.firebreak.platform.deadline;

import io.firebreak.platform.outbox.Backoff;
import io.firebreak.platform.sql.SessionSql;
import io.firebreak.platform.sql.SqlIdentifiers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.firebreak.platform.work.AfterCommit;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Fires due deadlines, each in its own transaction: the row is locked with {@code FOR UPDATE SKIP
 * LOCKED} (another replica firing it at the same moment skips it), its handler runs, and the row is
 * marked FIRED in the same transaction as the handler's effects. A failed firing rolls the effects
 * back and is retried with exponential backoff; after {@code max-attempts} the deadline is FAILED
 * (counted, kept for an operator). Due means: due time (or retry time) not after the injectable
 * clock's now, so tests move time instead of waiting.
 */
@ApplicationScoped
public class DeadlineFiring {

    private static final Logger LOG = Logger.getLogger(DeadlineFiring.class);

    private final Map<String, DeadlineHandler> handlers = new HashMap<>();
    private final Clock clock;
    private final DeadlineConfig config;
    private final Backoff backoff;
    private final Counter fired;
    private final Counter failures;
    private final String due;
    private final String lock;
    private final String markFired;
    private final String markFailed;
    private final String purge;

    public DeadlineFiring(@Any Instance<DeadlineHandler> all, Clock clock, DeadlineConfig config, MeterRegistry registry,
                          @ConfigProperty(name = "quarkus.application.name") String service) {
        for (DeadlineHandler handler : all) {
            DeadlineHandler previous = handlers.put(handler.kind(), handler);
            if (previous != null) {
                throw new IllegalStateException("two handlers for deadline kind " + handler.kind() + ": "
                        + previous.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
        this.clock = clock;
        this.config = config;
        this.backoff = new Backoff(config.initialBackoff(), config.maxBackoff());
        this.fired = Counter.builder("firebreak.deadlines.fired").description("Deadlines fired")
                .tag("service", service).register(registry);
        this.failures = Counter.builder("firebreak.deadlines.failures").description("Failed firings (retried or given up)")
                .tag("service", service).register(registry);
        String table = SqlIdentifiers.schema(config.schema()) + ".deadline";
        this.due = "select cast(id as text) from " + table + " where status = 'PENDING'"
                + " and coalesce(next_attempt_at, due_at) <= :now order by coalesce(next_attempt_at, due_at) limit :limit";
        this.lock = "select cast(id as text), kind, subject, cast(floor(extract(epoch from due_at) * 1000000) as bigint), cast(payload as text), attempts from " + table
                + " where id = cast(:id as uuid) and status = 'PENDING' and coalesce(next_attempt_at, due_at) <= :now"
                + " for update skip locked";
        // Only the deadline as it was claimed: a handler that scheduled its own kind and subject again moved the row to
        // a new due time (an escalation's next window), and that one must stay pending.
        this.markFired = "update " + table + " set status = 'FIRED', fired_at = :now, ended_at = :now where id = cast(:id as uuid)"
                + " and cast(floor(extract(epoch from due_at) * 1000000) as bigint) = :dueMicros";
        this.markFailed = "update " + table + " set attempts = attempts + 1, last_error = :error, next_attempt_at = :next,"
                + " status = case when attempts + 1 >= :max then 'FAILED' else status end,"
                + " ended_at = case when attempts + 1 >= :max then :now else ended_at end"
                + " where id = cast(:id as uuid) and status = 'PENDING'";
        this.purge = "delete from " + table + " where ended_at < :before";
    }

    // The first poll's delay is configurable so that tests which fire deadlines themselves can keep the background
    // poll away entirely: at 2 s it raced DeadlinesTest's killed-firing test when that ran first (it fired the deadline
    // again right after the kill, before the test looked).
    @Scheduled(every = "${firebreak.deadlines.poll-interval:1s}", delayed = "${firebreak.deadlines.first-poll-delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        if (handlers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return fireDue().onFailure().recoverWithItem(e -> {
            LOG.warnf("Deadline run failed, the next one retries: %s", e.getMessage());
            return 0;
        }).replaceWithVoid();
    }

    /** Fires what is due now, a batch at most; answers how many fired. */
    public Uni<Integer> fireDue() {
        return fireDue(clock.instant());
    }

    /** Fires what is due at {@code at} (a test's moment), a batch at most; answers how many fired. */
    public Uni<Integer> fireDue(Instant at) {
        OffsetDateTime now = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        return Panache.withSession(() -> Panache.getSession().chain(s -> SessionSql.on(s, due)
                        .bind("now", now).bind("limit", config.batchSize()).column()))
                .chain(ids -> {
                    Uni<Integer> count = Uni.createFrom().item(0);
                    for (Object id : ids) {
                        count = count.chain(n -> fireOne((String) id, now).map(done -> done ? n + 1 : n));
                    }
                    return count;
                });
    }

    private Uni<Boolean> fireOne(String id, OffsetDateTime now) {
        return AfterCommit.around(() -> Panache.withTransaction(() -> Panache.getSession().chain(s -> SessionSql.on(s, lock)
                        .bind("id", id).bind("now", now).rows()
                        .chain(rows -> {
                            if (rows.isEmpty()) {
                                return Uni.createFrom().item(false); // fired elsewhere, cancelled or moved meanwhile
                            }
                            Deadline deadline = deadline(rows.get(0));
                            DeadlineHandler handler = handlers.get(deadline.kind());
                            if (handler == null) {
                                return Uni.createFrom().<Boolean>failure(new IllegalStateException(
                                        "no handler for deadline kind " + deadline.kind()));
                            }
                            long dueMicros = ((Number) rows.get(0)[3]).longValue();
                            return handler.fire(deadline)
                                    .chain(() -> s.createNativeQuery(markFired).setParameter("id", id).setParameter("now", now)
                                            .setParameter("dueMicros", dueMicros).executeUpdate())
                                    .replaceWith(true);
                        }))))
                .invoke(done -> {
                    if (done) {
                        fired.increment();
                    }
                })
                .onFailure().recoverWithUni(e -> recordFailure(id, now, e).replaceWith(false));
    }

    private Uni<Void> recordFailure(String id, OffsetDateTime now, Throwable error) {
        failures.increment();
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> SessionSql.on(s,
                                "select attempts from " + SqlIdentifiers.schema(config.schema()) + ".deadline where id = cast(:id as uuid)")
                        .bind("id", id).column()
                        .chain(attempts -> {
                            int failed = attempts.isEmpty() ? 1 : ((Number) attempts.get(0)).intValue() + 1;
                            LOG.warnf(error, "Deadline %s failed to fire (attempt %d of %d)", id, failed, config.maxAttempts());
                            return s.createNativeQuery(markFailed)
                                    .setParameter("id", id)
                                    .setParameter("error", String.valueOf(error.getMessage()))
                                    .setParameter("next", now.plus(backoff.after(failed)))
                                    .setParameter("max", config.maxAttempts())
                                    .setParameter("now", now)
                                    .executeUpdate();
                        })))
                .onFailure().invoke(e -> LOG.warnf("Deadline %s: failure not recorded (%s); it is retried on the next run",
                        id, e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Forgets ended deadlines older than the retention; hourly. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeScheduled() {
        OffsetDateTime before = OffsetDateTime.ofInstant(clock.instant().minus(config.retention()), ZoneOffset.UTC);
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(purge)
                        .setParameter("before", before).executeUpdate()))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Deadline purge failed: %s", e.getMessage());
                    return 0;
                }).replaceWithVoid();
    }

    private static Deadline deadline(Object[] row) {
        return new Deadline(UUID.fromString((String) row[0]), (String) row[1], (String) row[2],
                micros(((Number) row[3]).longValue()), (String) row[4],
                ((Number) row[5]).intValue());
    }

    private static Instant micros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    List<String> kinds() {
        return List.copyOf(handlers.keySet());
    }
}
