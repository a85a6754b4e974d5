package io.firebreak.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.platform.sql.SessionSql;
import io.firebreak.platform.sql.SqlIdentifiers;
import io.firebreak.platform.work.AfterCommit;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

/**
 * Records an event in the service's outbox table inside the caller's current Hibernate Reactive
 * transaction, so the event exists if and only if the state change commits. Call it from a
 * {@code @WithTransaction} service method; the relay publishes it after commit.
 *
 * <p>Per-key order holds by construction: recording takes a transaction-scoped advisory lock on the
 * key, so a second transaction writing the same key waits until the first has committed or rolled
 * back. Two transactions that record events for the same two keys in opposite orders can deadlock;
 * PostgreSQL then aborts one (a 409 to its caller, who retries).
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;
    private final Clock clock;
    private final OutboxConfig config;
    private final OutboxRelayService relay;
    private final String insert;
    private final String insertLeased;

    public Outbox(ObjectMapper mapper, Clock clock, OutboxConfig config, OutboxRelayService relay) {
        this.mapper = mapper;
        this.clock = clock;
        this.config = config;
        this.relay = relay;
        // The row is formed only after the key's transaction-scoped advisory lock is granted, so its seq is
        // drawn after every earlier writer of the key committed: seq order is commit order, per key.
        // An event about a restricted subject carries the flag, read in the same transaction that restricts
        // it, so no event of a restricted incident leaves unflagged (IncidentAccess#restrict).
        String schema = SqlIdentifiers.schema(config.schema());
        this.insert = "insert into " + schema + ".outbox_event"
                + " (id, topic, partition_key, type, source, subject, occurred_at, payload, restricted)"
                + " select :id, :topic, :key, :type, :source, :subject, :occurredAt, cast(cast(:payload as text) as jsonb),"
                + " exists (select 1 from " + schema + ".access_restricted r where r.subject = :subject)"
                + " from (select pg_advisory_xact_lock(hashtextextended(:lockKey, 0))) as key_lock";
        // Leased to this instance's relay only when no older row of the key is open: that row goes first, through the
        // claims, and this one follows it there (the target list is evaluated after the lock is granted, so no writer
        // of the key can add a row in between). Answers what the relay would have read back from the row, so the
        // record published at commit is byte for byte the one a claim would publish.
        String open = "exists (select 1 from " + schema + ".outbox_event o where o.partition_key = :key"
                + " and o.sent_at is null and o.discarded_at is null)";
        this.insertLeased = "insert into " + schema + ".outbox_event"
                + " (id, topic, partition_key, type, source, subject, occurred_at, payload, restricted, lease_owner, lease_until)"
                + " select :id, :topic, :key, :type, :source, :subject, :occurredAt, cast(cast(:payload as text) as jsonb),"
                + " exists (select 1 from " + schema + ".access_restricted r where r.subject = :subject),"
                + " case when not " + open + " then :owner end,"
                + " case when not " + open + " then now() + cast(:leaseMillis as bigint) * interval '1 millisecond' end"
                + " from (select pg_advisory_xact_lock(hashtextextended(:lockKey, 0))) as key_lock"
                + " returning seq, lease_owner is not null, occurred_at, payload::text, restricted";
    }

    /** Records an event for the service's own topic; {@code subject} is also the record key. */
    public Uni<UUID> record(String type, String subject, Object data) {
        return record(config.topic(), type, subject, data);
    }

    public Uni<UUID> record(String topic, String type, String subject, Object data) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        UUID id = UUID.randomUUID();
        return Uni.createFrom().item(() -> json(type, data))
                .chain(payload -> recordUnleased(id, topic, type, subject, payload, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
    }

    /**
     * As {@link #record(String, String, Object)}, but the event leaves from this instance the moment the transaction
     * commits, leased to its relay from the insert: no wake-up and no claim between the commit and the broker (the
     * relay's NOTIFY, its claim and their turns on a busy event loop were the first hop of a declaration on its way to
     * the first page: docs/performance.md, "Alert to first page"). The relay stays the safety net: a send that fails
     * gives the row back to the claims, and an instance that dies before it sends leaves a lease that runs out. Outside
     * an after-commit scope ({@link AfterCommit#around}: an inbox's or a deadline's transaction), on an instance whose
     * relay does not run, or when an older event of the subject is still unpublished (order first), it is recorded
     * for the relay as {@code record} does.
     */
    public Uni<UUID> recordPublishedAtCommit(String type, String subject, Object data) {
        if (!AfterCommit.inScope() || !relay.takesAtCommit()) {
            return record(type, subject, data);
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String topic = config.topic();
        return Uni.createFrom().item(() -> json(type, data)).chain(payload -> Panache.getSession().chain(session -> SessionSql.on(session, insertLeased)
                        .bind("id", id)
                        .bind("topic", topic)
                        .bind("key", subject)
                        .bind("lockKey", lockKey(subject))
                        .bind("type", type)
                        .bind("source", config.source())
                        .bind("subject", subject)
                        .bind("occurredAt", now)
                        .bind("payload", payload)
                        .bind("owner", relay.owner())
                        .bind("leaseMillis", config.lease().toMillis())
                        .firstRow())
                .map(inserted -> {
                    Object[] row = inserted.orElseThrow();
                    if (Boolean.TRUE.equals(row[1])) {
                        OutboxRow leased = new OutboxRow((Long) row[0], id, topic, subject, type, config.source(), subject,
                                (OffsetDateTime) row[2], (String) row[3], 0, Boolean.TRUE.equals(row[4]));
                        // Not registered (cannot happen in the scope just checked): the lease runs out and a claim takes it.
                        AfterCommit.register(() -> relay.publishCommitted(leased));
                    }
                    return id;
                }));
    }

    private String json(String type, Object data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data is not serialisable: " + type, e);
        }
    }

    private String lockKey(String subject) {
        return "firebreak-outbox:" + config.schema() + ":" + subject;
    }

    private Uni<UUID> recordUnleased(UUID id, String topic, String type, String subject, String payload, OffsetDateTime now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(insert)
                        .setParameter("id", id)
                        .setParameter("topic", topic)
                        .setParameter("key", subject)
                        .setParameter("lockKey", lockKey(subject))
                        .setParameter("type", type)
                        .setParameter("source", config.source())
                        .setParameter("subject", subject)
                        .setParameter("occurredAt", now)
                        .setParameter("payload", payload)
                        .executeUpdate())
                .replaceWith(id);
    }
}
