package io.firebreak.platform.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.platform.sql.SessionSql;
import io.firebreak.platform.sql.SqlIdentifiers;
import io.firebreak.platform.sql.SqlTimes;
import io.firebreak.platform.work.AfterCommit;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.UUID;

/**
 * Enqueues outbound deliveries inside the caller's current Hibernate Reactive transaction (call it
 * from a {@code @WithTransaction} service method): the delivery exists exactly when the state change
 * that needs it commits, and the workers are woken at commit. {@link DeliveryWorker} sends it.
 */
@ApplicationScoped
public class OutboundDeliveries {

    private final ObjectMapper mapper;
    private final DeliveryConfig config;
    private final DeliveryWorker worker;
    private final String insert;
    private final String history;
    private final String one;
    private final String insertLeased;
    private final String cancel;
    private final String replay;
    private final String cancelPrefix;
    private final String pendingPrefix;

    public OutboundDeliveries(ObjectMapper mapper, DeliveryConfig config, DeliveryWorker worker) {
        this.mapper = mapper;
        this.config = config;
        this.worker = worker;
        String table = SqlIdentifiers.schema(config.schema()) + ".outbound_delivery";
        this.insert = "insert into " + table + " (id, purpose, reference, ordering_key, channel, destination, message, max_attempts)"
                + " values (:id, :purpose, :reference, :orderingKey, :channel, :destination, cast(cast(:message as text) as jsonb), :max)";
        this.insertLeased = "insert into " + table + " (id, purpose, reference, ordering_key, channel, destination, message, max_attempts,"
                + " lease_owner, lease_until) values (:id, :purpose, :reference, :orderingKey, :channel, :destination,"
                + " cast(cast(:message as text) as jsonb), :max, :owner, now() + cast(:leaseMillis as bigint) * interval '1 millisecond')";
        // The lease stays: a send in flight cannot be called back, and its worker must still record what became of it.
        this.cancel = "update " + table + " set status = 'CANCELLED', ended_at = now()"
                + " where purpose = :purpose and reference = :reference and status = 'PENDING'";
        this.cancelPrefix = "update " + table + " set status = 'CANCELLED', ended_at = now()"
                + " where purpose = :purpose and starts_with(reference, :prefix) and status = 'PENDING'";
        this.pendingPrefix = "select count(*) from " + table + " where purpose = :purpose and starts_with(reference, :prefix)"
                + " and status = 'PENDING'";
        String columns = "select id, reference, destination, status, attempts, max_attempts, last_status, last_error, created_at, ended_at from "
                + table + " where purpose = :purpose";
        this.history = columns + " and starts_with(reference, :prefix) order by seq desc limit :limit";
        this.one = columns + " and id = :id";
        this.replay = "update " + table + " set status = 'PENDING', next_attempt_at = now(), max_attempts = attempts + :more,"
                + " ended_at = null, lease_owner = null, lease_until = null where id = :id and status = 'DEAD'";
    }

    /**
     * Enqueues one delivery. {@code purpose} names the {@link DeliveryOutcomeHandler} that hears its
     * outcome, {@code reference} what it is for; deliveries with the same non-null {@code orderingKey}
     * leave in the order they were enqueued. {@code maxAttempts} null takes the configured default.
     */
    public Uni<UUID> enqueue(String purpose, String reference, String orderingKey, OutboundMessage message, Integer maxAttempts) {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(message, "message");
        UUID id = UUID.randomUUID();
        String json;
        try {
            json = mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("message is not serialisable", e));
        }
        int max = maxAttempts == null ? config.maxAttempts() : maxAttempts;
        // Inside an after-commit scope (a consumer's inbox transaction, a deadline's firing) the first attempt
        // starts the moment the transaction commits, leased to this worker from its insert: no wake-up, no claim.
        boolean atCommit = orderingKey == null && AfterCommit.inScope() && worker.takesAtCommit();
        return Panache.getSession().chain(session -> {
                    var query = session.createNativeQuery(atCommit ? insertLeased : insert)
                            .setParameter("id", id)
                            .setParameter("purpose", purpose)
                            .setParameter("reference", reference)
                            .setParameter("orderingKey", orderingKey)
                            .setParameter("channel", message.channel().name())
                            .setParameter("destination", message.destination())
                            .setParameter("message", json)
                            .setParameter("max", max);
                    if (atCommit) {
                        query.setParameter("owner", worker.owner()).setParameter("leaseMillis", config.lease().toMillis());
                    }
                    return query.executeUpdate();
                })
                .invoke(() -> {
                    if (atCommit) {
                        // Not registered (cannot happen in the scope just checked): the lease runs out and a claim takes it.
                        AfterCommit.register(() -> worker.sendCommitted(id, purpose, reference, message, max));
                    }
                })
                .replaceWith(id);
    }

    /** Cancels what is still pending for {@code reference} (e.g. the remaining repeats of an acknowledged page). */
    public Uni<Integer> cancelPending(String purpose, String reference) {
        return Panache.getSession().chain(session -> session.createNativeQuery(cancel)
                .setParameter("purpose", purpose).setParameter("reference", reference).executeUpdate());
    }

    /** Cancels what is still pending for every reference starting with {@code prefix} (e.g. all pages of an incident). */
    public Uni<Integer> cancelPendingWithPrefix(String purpose, String prefix) {
        return Panache.getSession().chain(session -> session.createNativeQuery(cancelPrefix)
                .setParameter("purpose", purpose).setParameter("prefix", prefix).executeUpdate());
    }

    /** How many deliveries are still pending for references starting with {@code prefix}. */
    public Uni<Long> pendingWithPrefix(String purpose, String prefix) {
        return Panache.getSession().chain(session -> SessionSql.on(session, pendingPrefix)
                .bind("purpose", purpose).bind("prefix", prefix).count());
    }

    /** The deliveries of {@code purpose} whose reference starts with {@code prefix}, newest first, at most {@code limit}. */
    public Uni<java.util.List<DeliveryRecord>> history(String purpose, String prefix, int limit) {
        return Panache.getSession().chain(session -> SessionSql.on(session, history)
                .bind("purpose", purpose).bind("prefix", prefix).bind("limit", limit).rows())
                .map(rows -> rows.stream().map(OutboundDeliveries::record).toList());
    }

    /** One delivery of {@code purpose}, or null. */
    public Uni<DeliveryRecord> find(String purpose, UUID id) {
        return Panache.getSession().chain(session -> SessionSql.on(session, one)
                .bind("purpose", purpose).bind("id", id).rows())
                .map(rows -> rows.isEmpty() ? null : record(rows.get(0)));
    }

    private static DeliveryRecord record(Object[] r) {
        return new DeliveryRecord((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], ((Number) r[4]).intValue(),
                ((Number) r[5]).intValue(), r[6] == null ? null : ((Number) r[6]).intValue(), (String) r[7], SqlTimes.instant(r[8]), SqlTimes.instant(r[9]));
    }

    /** Gives a dead delivery the configured number of further attempts, from now; answers whether it was dead. */
    public Uni<Boolean> replay(UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(replay)
                .setParameter("id", id).setParameter("more", config.maxAttempts()).executeUpdate()).map(n -> n > 0);
    }
}
