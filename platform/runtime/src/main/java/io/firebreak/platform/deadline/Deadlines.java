package io.firebreak.platform.deadline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.platform.sql.SessionSql;
import io.firebreak.platform.sql.SqlIdentifiers;
import io.firebreak.platform.sql.SqlTimes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Schedules and cancels durable deadlines inside the caller's current Hibernate Reactive
 * transaction (call it from a {@code @WithTransaction} service method): the deadline exists if and
 * only if the state change that needs it commits. At most one deadline is pending per kind and
 * subject; scheduling again moves it (new due time and payload) and resets its failures.
 * {@link DeadlineFiring} fires due deadlines through their {@link DeadlineHandler}.
 */
@ApplicationScoped
public class Deadlines {

    private final ObjectMapper mapper;
    private final String upsert;
    private final String upsertAll;
    private final String cancel;
    private final String cancelPrefix;
    private final String dueAt;

    public Deadlines(ObjectMapper mapper, DeadlineConfig config) {
        this.mapper = mapper;
        String table = SqlIdentifiers.schema(config.schema()) + ".deadline";
        this.upsert = "insert into " + table + " (id, kind, subject, due_at, payload)"
                + " values (:id, :kind, :subject, :dueAt, cast(cast(:payload as text) as jsonb))"
                + " on conflict (kind, subject) where status = 'PENDING'"
                + " do update set due_at = excluded.due_at, payload = excluded.payload, attempts = 0,"
                + " next_attempt_at = null, last_error = null";
        this.upsertAll = "insert into " + table + " (id, kind, subject, due_at, payload)"
                + " select id, kind, subject, due_at, cast(payload as jsonb)"
                + " from unnest(cast(:ids as uuid[]), cast(:kinds as text[]), cast(:subjects as text[]),"
                + " cast(:dues as timestamptz[]), cast(:payloads as text[])) as d (id, kind, subject, due_at, payload)"
                + " on conflict (kind, subject) where status = 'PENDING'"
                + " do update set due_at = excluded.due_at, payload = excluded.payload, attempts = 0,"
                + " next_attempt_at = null, last_error = null";
        this.cancel = "update " + table + " set status = 'CANCELLED', ended_at = now()"
                + " where kind = :kind and subject = :subject and status = 'PENDING'";
        // The byte-order range finds the prefix's rows on deadline_pending_prefix (platform V9) in any plan;
        // starts_with keeps the answer exact on its own.
        this.cancelPrefix = "update " + table + " set status = 'CANCELLED', ended_at = now()"
                + " where kind = :kind and status = 'PENDING' and subject collate \"C\" >= :prefix"
                + " and subject collate \"C\" < :above and starts_with(subject, :prefix)";
        this.dueAt = "select due_at from " + table + " where kind = :kind and subject = :subject and status = 'PENDING'";
    }

    /** Schedules (or moves) the pending deadline of {@code kind} for {@code subject}. */
    public Uni<Void> schedule(String kind, String subject, Instant due, Object payload) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(due, "due");
        String json;
        try {
            json = json(kind, payload);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(e);
        }
        return upsert(kind, subject, due, json);
    }

    /**
     * Schedules (or moves) every deadline of the batch in one statement, as {@link #schedule(String, String, Instant,
     * Object)} would one by one: a path that sets several deadlines (a page's repeat and its escalation's window) waits for
     * one round trip instead of one each.
     */
    public Uni<Void> schedule(Batch batch) {
        List<Batch.Entry> entries = new ArrayList<>(batch.entries.values());
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (entries.size() == 1) {
            Batch.Entry only = entries.get(0);
            return upsert(only.kind(), only.subject(), only.due(), only.json());
        }
        int n = entries.size();
        UUID[] ids = new UUID[n];
        String[] kinds = new String[n];
        String[] subjects = new String[n];
        OffsetDateTime[] dues = new OffsetDateTime[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            Batch.Entry e = entries.get(i);
            ids[i] = UUID.randomUUID();
            kinds[i] = e.kind();
            subjects[i] = e.subject();
            dues[i] = OffsetDateTime.ofInstant(e.due(), ZoneOffset.UTC);
            payloads[i] = e.json();
        }
        return Panache.getSession().chain(session -> SessionSql.on(session, upsertAll).bind("ids", ids).bind("kinds", kinds)
                .bind("subjects", subjects).bind("dues", dues).bind("payloads", payloads).update()).replaceWithVoid();
    }

    /**
     * Deadlines gathered along one transaction's path and scheduled together by {@link #schedule(Batch)}; scheduling a kind
     * and subject again in the batch moves it, as a second {@code schedule} would. Not thread-safe: one reactive chain.
     */
    public static final class Batch {

        private record Entry(String kind, String subject, Instant due, String json) {
        }

        private final ObjectMapper mapper;
        private final Map<List<String>, Entry> entries = new LinkedHashMap<>();

        private Batch(ObjectMapper mapper) {
            this.mapper = mapper;
        }

        public Batch add(String kind, String subject, Instant due, Object payload) {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(due, "due");
            // One row per kind and subject: a statement may not upsert the same pending row twice.
            List<String> key = List.of(kind, subject);
            entries.remove(key);
            entries.put(key, new Entry(kind, subject, due, json(mapper, kind, payload)));
            return this;
        }

        public int size() {
            return entries.size();
        }
    }

    /** An empty batch for {@link #schedule(Batch)}. */
    public Batch batch() {
        return new Batch(mapper);
    }

    private String json(String kind, Object payload) {
        return json(mapper, kind, payload);
    }

    private static String json(ObjectMapper mapper, String kind, Object payload) {
        try {
            return mapper.writeValueAsString(payload == null ? java.util.Map.of() : payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("deadline payload is not serialisable: " + kind, e);
        }
    }

    private Uni<Void> upsert(String kind, String subject, Instant due, String json) {
        return Panache.getSession().chain(session -> session.createNativeQuery(upsert)
                .setParameter("id", UUID.randomUUID())
                .setParameter("kind", kind)
                .setParameter("subject", subject)
                .setParameter("dueAt", OffsetDateTime.ofInstant(due, ZoneOffset.UTC))
                .setParameter("payload", json)
                .executeUpdate()).replaceWithVoid();
    }

    /** Cancels the pending deadline of {@code kind} for {@code subject}; answers whether one was pending. */
    public Uni<Boolean> cancel(String kind, String subject) {
        return Panache.getSession().chain(session -> session.createNativeQuery(cancel)
                .setParameter("kind", kind)
                .setParameter("subject", subject)
                .executeUpdate()).map(n -> n > 0);
    }

    /** Cancels every pending deadline of {@code kind} whose subject starts with {@code prefix}; answers how many. */
    public Uni<Integer> cancelAll(String kind, String prefix) {
        String above = above(prefix);
        return Panache.getSession().chain(session -> session.createNativeQuery(cancelPrefix)
                .setParameter("kind", kind)
                .setParameter("prefix", prefix)
                .setParameter("above", above)
                .executeUpdate());
    }

    /**
     * The least string above every string that starts with {@code prefix}, in byte (code point) order: the prefix
     * with its last code point raised by one — past the surrogates, which UTF-8 cannot hold.
     */
    static String above(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            throw new IllegalArgumentException("a deadline prefix names what it cancels: empty");
        }
        int last = prefix.codePointBefore(prefix.length());
        String head = prefix.substring(0, prefix.length() - Character.charCount(last));
        if (last == Character.MAX_CODE_POINT) {
            return above(head);
        }
        int next = last + 1 == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : last + 1;
        return head + Character.toString(next);
    }

    String cancelPrefixSql() {
        return cancelPrefix;
    }

    /** When the pending deadline of {@code kind} for {@code subject} is due, or null when none is pending. */
    public Uni<Instant> pendingDueAt(String kind, String subject) {
        return Panache.getSession().chain(session -> SessionSql.on(session, dueAt)
                .bind("kind", kind)
                .bind("subject", subject)
                .column()).map(rows -> rows.isEmpty() ? null : SqlTimes.instant(rows.get(0)));
    }
}
