package io.firebreak.platform.outbox;

import io.firebreak.platform.sql.SqlIdentifiers;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * One relay. A run has three short steps, and no database connection is held while the broker answers:
 * <ol>
 *   <li><b>claim</b> (one statement): lock up to {@code batchSize} publishable rows with {@code FOR UPDATE SKIP
 *       LOCKED} — unsent, due, not parked, not leased, of a key with no row waiting (in backoff or parked) — and
 *       lease to this relay those whose every older open row of the key is locked by this claim too; the others are
 *       <em>held</em> (an older row is leased or locked by another relay, or not yet due, and publishing the newer
 *       one first would reorder the key);</li>
 *   <li><b>publish</b> ({@link RelayRun}): per key in order, bounded by the run deadline;</li>
 *   <li><b>mark</b>: sent rows, failed rows (attempts, backoff, parked when permanent or out of attempts) and
 *       released rows, each only while this relay still holds the lease.</li>
 * </ol>
 * A relay that dies after sending leaves its rows leased; when the lease expires another relay sends
 * them again (at least once; consumers deduplicate by event id).
 *
 * <p>Claim and mark are one statement each, sent without BEGIN/COMMIT: a relay run for the one event a commit just
 * wrote used to be nine round trips in two transactions (ADR 0004; docs/performance.md, "Paging", sixth measurement).
 */
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String OPEN = "sent_at is null and discarded_at is null";

    private final Pool pool;
    private final OutboxSender sender;
    private final RelaySettings settings;
    private final String name;
    private final String claim;
    private final String markSent;
    private final String markFailed;
    private final String release;
    private final String markSentById;
    private final String releaseById;
    private final String purge;

    public OutboxRelay(Pool pool, OutboxSender sender, String schema, RelaySettings settings, String name) {
        this.pool = pool;
        this.sender = sender;
        this.settings = settings;
        this.name = name;
        String table = SqlIdentifiers.schema(schema) + ".outbox_event";
        // The waiting keys are an uncorrelated subquery, evaluated once (an InitPlan) from a small partial index: a
        // correlated one was planned as a nested loop over the whole table whenever statistics lagged a burst (a
        // second per claim at 10,000 rows). A row that failed waits for its backoff (or a relay retrying it), a parked
        // one for an operator, and every younger open row of its key with it (rows of a key are attempted in order),
        // so its key is skipped as a whole. A key whose row another relay leased is not skipped here: the lease may
        // not touch a column the index reads, so that leasing rewrites the row in place (platform V10); the order
        // check holds its younger rows instead. The order check runs per claimed row on the (partition_key, seq)
        // index of open rows: its "offset 0" keeps it a subplan, because as an anti-join PostgreSQL scanned every open
        // row once per claimed row without statistics (2,000,000 rows for a claim of 100 from a backlog of 20,000) and
        // hashed them all with.
        String waiting = "select distinct partition_key from " + table + " where " + OPEN
                + " and (attempts > 0 or parked_at is not null)"
                + " and (parked_at is not null or next_attempt_at > now() or lease_until >= now())";
        this.claim = "with claimed as (select seq, partition_key from " + table
                + " where " + OPEN + " and parked_at is null and next_attempt_at <= now()"
                + " and (lease_until is null or lease_until < now()) and not (partition_key = any(array(" + waiting + ")))"
                + " order by seq limit $1 for update skip locked),"
                + " mine as (select coalesce(array_agg(seq), '{}') as seqs from claimed),"
                + " leased as (update " + table + " t set lease_owner = $2, lease_until = now() + ($3 * interval '1 millisecond')"
                + " from claimed c, mine m where t.seq = c.seq and not exists (select 1 from " + table + " o"
                + " where o.partition_key = c.partition_key and o.sent_at is null and o.discarded_at is null"
                + " and o.seq < c.seq and not (o.seq = any(m.seqs)) offset 0)"
                + " returning t.seq, t.id, t.topic, t.partition_key, t.type, t.source, t.subject, t.occurred_at,"
                + " t.payload::text as payload, t.attempts, t.restricted)"
                + " select (select count(*) from claimed) as locked, l.* from (select 1) one left join leased l on true order by l.seq";
        this.markSent = "update " + table + " set sent_at = now(), attempts = attempts + 1, last_error = null,"
                + " lease_owner = null, lease_until = null where seq = any($1) and lease_owner = $2";
        this.markFailed = "update " + table + " set attempts = attempts + 1, last_error = $2,"
                + " next_attempt_at = now() + ($3 * interval '1 millisecond'),"
                + " parked_at = case when $4 then now() end, parked_reason = case when $4 then $2 end,"
                + " lease_owner = null, lease_until = null where seq = $1 and lease_owner = $5";
        this.release = "update " + table + " set lease_owner = null, lease_until = null where seq = any($1) and lease_owner = $2";
        this.markSentById = "update " + table + " set sent_at = now(), attempts = attempts + 1, last_error = null,"
                + " lease_owner = null, lease_until = null where id = $1 and lease_owner = $2";
        this.releaseById = "update " + table + " set lease_owner = null, lease_until = null where id = $1 and lease_owner = $2";
        this.purge = "delete from " + table + " where (sent_at is not null and sent_at < now() - ($1 * interval '1 millisecond'))"
                + " or (discarded_at is not null and discarded_at < now() - ($1 * interval '1 millisecond'))";
    }

    public String name() {
        return name;
    }

    /** Claims, publishes and marks one batch. */
    public Uni<RelayResult> relayOnce() {
        return claim().chain(claimed -> {
            if (claimed.rows().isEmpty()) {
                return Uni.createFrom().item(new RelayResult(claimed.locked(), 0, 0, 0, 0, claimed.locked()));
            }
            return new RelayRun(sender, settings.runTimeout()).publish(claimed.rows())
                    .chain(outcomes -> mark(outcomes).map(ignored -> result(claimed, outcomes)));
        });
    }

    private record Claim(int locked, List<OutboxRow> rows) {
    }

    private Uni<Claim> claim() {
        return pool.preparedQuery(claim).execute(Tuple.of(settings.batchSize(), name, settings.lease().toMillis())).map(rows -> {
            int locked = 0;
            List<OutboxRow> leased = new ArrayList<>();
            for (Row row : rows) {
                locked = row.getLong("locked").intValue();
                if (row.getLong("seq") != null) {
                    leased.add(toOutboxRow(row));
                }
            }
            return new Claim(locked, leased);
        });
    }

    private Uni<Void> mark(List<RelayOutcome> outcomes) {
        Long[] sent = seqs(outcomes, RelayOutcome.Kind.SENT);
        Long[] released = seqs(outcomes, RelayOutcome.Kind.RELEASED);
        List<Tuple> failures = new ArrayList<>();
        for (RelayOutcome o : outcomes) {
            if (o.kind() == RelayOutcome.Kind.FAILED) {
                int attempts = o.row().attempts() + 1;
                boolean park = parks(o);
                if (park) {
                    LOG.errorf("Relay %s parked outbox row %s (%s, key %s) after %d attempt(s): %s", name, o.row().id(),
                            o.row().type(), o.row().partitionKey(), attempts, o.error());
                } else {
                    LOG.warnf("Relay %s could not publish outbox row %s (%s) on attempt %d: %s", name, o.row().id(),
                            o.row().type(), attempts, o.error());
                }
                failures.add(Tuple.of(o.row().seq(), truncate(o.error()), settings.backoff().after(attempts).toMillis(), park, name));
            }
        }
        int statements = (sent.length > 0 ? 1 : 0) + (released.length > 0 ? 1 : 0) + (failures.isEmpty() ? 0 : 1);
        if (statements == 1 && sent.length > 0) {
            return pool.preparedQuery(markSent).execute(Tuple.of(sent, name)).replaceWithVoid(); // the usual run: no transaction
        }
        return pool.withTransaction(conn -> {
            Uni<Void> done = Uni.createFrom().voidItem();
            if (sent.length > 0) {
                done = done.chain(() -> conn.preparedQuery(markSent).execute(Tuple.of(sent, name)).replaceWithVoid());
            }
            if (released.length > 0) {
                done = done.chain(() -> conn.preparedQuery(release).execute(Tuple.of(released, name)).replaceWithVoid());
            }
            if (!failures.isEmpty()) {
                done = done.chain(() -> conn.preparedQuery(markFailed).executeBatch(failures).replaceWithVoid());
            }
            return done;
        });
    }

    private RelayResult result(Claim claim, List<RelayOutcome> outcomes) {
        int published = 0;
        int failed = 0;
        int parked = 0;
        int released = 0;
        for (RelayOutcome o : outcomes) {
            switch (o.kind()) {
                case SENT -> published++;
                case RELEASED -> released++;
                case FAILED -> {
                    failed++;
                    if (parks(o)) {
                        parked++;
                    }
                }
            }
        }
        return new RelayResult(claim.locked(), published, failed, parked, released, claim.locked() - claim.rows().size());
    }

    /** A permanent failure parks at once; a retriable one when it used the last attempt. */
    private boolean parks(RelayOutcome o) {
        return o.kind() == RelayOutcome.Kind.FAILED && (o.permanent() || o.row().attempts() + 1 >= settings.maxAttempts());
    }

    private static Long[] seqs(List<RelayOutcome> outcomes, RelayOutcome.Kind kind) {
        return outcomes.stream().filter(o -> o.kind() == kind).map(o -> o.row().seq()).toArray(Long[]::new);
    }

    /**
     * Marks a row this relay published at its transaction's commit ({@link Outbox#recordPublishedAtCommit}) as sent,
     * while it still holds the row's lease: a lease that ran out meanwhile belongs to whichever relay took the row.
     */
    Uni<Void> markSentAtCommit(java.util.UUID id) {
        return pool.preparedQuery(markSentById).execute(Tuple.of(id, name)).replaceWithVoid();
    }

    /** Gives a row this relay failed to publish at its commit back to the claims, at once rather than when its lease ends. */
    Uni<Void> releaseAtCommit(java.util.UUID id) {
        return pool.preparedQuery(releaseById).execute(Tuple.of(id, name)).replaceWithVoid();
    }

    /** Deletes rows published or discarded longer ago than the retention. */
    public Uni<Integer> purgeSent(java.time.Duration retention) {
        return pool.preparedQuery(purge).execute(Tuple.of(retention.toMillis())).map(RowSet::rowCount);
    }

    private static OutboxRow toOutboxRow(Row row) {
        return new OutboxRow(row.getLong("seq"), row.getUUID("id"), row.getString("topic"),
                row.getString("partition_key"), row.getString("type"), row.getString("source"),
                row.getString("subject"), row.getOffsetDateTime("occurred_at"), row.getString("payload"),
                row.getInteger("attempts"), row.getBoolean("restricted"));
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() > 2000 ? s.substring(0, 2000) : s;
    }
}
