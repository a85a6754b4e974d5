package io.firebreak.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.platform.sql.SqlIdentifiers;
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
    private final String insert;

    public Outbox(ObjectMapper mapper, Clock clock, OutboxConfig config) {
        this.mapper = mapper;
        this.clock = clock;
        this.config = config;
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
    }

    /** Records an event for the service's own topic; {@code subject} is also the record key. */
    public Uni<UUID> record(String type, String subject, Object data) {
        return record(config.topic(), type, subject, data);
    }

    public Uni<UUID> record(String topic, String type, String subject, Object data) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        UUID id = UUID.randomUUID();
        String payload;
        try {
            payload = mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("event data is not serialisable: " + type, e));
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return Panache.getSession().chain(session -> session.createNativeQuery(insert)
                        .setParameter("id", id)
                        .setParameter("topic", topic)
                        .setParameter("key", subject)
                        .setParameter("lockKey", "firebreak-outbox:" + config.schema() + ":" + subject)
                        .setParameter("type", type)
                        .setParameter("source", config.source())
                        .setParameter("subject", subject)
                        .setParameter("occurredAt", now)
                        .setParameter("payload", payload)
                        .executeUpdate())
                .replaceWith(id);
    }
}
