package io.firebreak.platform.outbox;

import io.firebreak.platform.sql.SqlIdentifiers;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * One relay. A run has three short steps, and no database connection is held while the broker answers:
 * <ol>
 *   <li><b>claim</b> (one transaction, milliseconds): lock up to {@code batchSize} publishable rows with
 *       {@code FOR UPDATE SKIP LOCKED} — unsent, due, not parked, not leased, of a key with no row waiting
 *       (in backoff, parked or leased elsewhere) — keep those whose every older unsent row of the key is
 *       in this claim ({@link OrderGuard}), and lease them to this relay;</li>
 *   <li><b>publish</b> ({@link RelayRun}): per key in order, bounded by the run deadline;</li>
 *   <li><b>mark</b> (one transaction): sent rows, failed rows (attempts, backoff, parked when permanent or
 *       out of attempts) and released rows, each only while this relay still holds the lease.</li>
 * </ol>
 * A relay that dies after sending leaves its rows leased; when the lease expires another relay sends
 * them again (at least once; consumers deduplicate by event id).
 */
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String OPEN = "sent_at is null and discarded_at is null";

    private final Pool pool;
    private final OutboxSender sender;
    private final RelaySettings settings;
    private final String name;
    private final String waitingKeys;
    private final String claim;
    private final String unsentOfKeys;
    private final String lease;
    private final String markSent;
    private final String markFailed;
    private final String release;
    private final String purge;

    public OutboxRelay(Pool pool, OutboxSender sender, String schema, RelaySettings settings, String name) {
        this.pool = pool;
        this.sender = sender;
        this.settings = settings;
        this.name = name;
        String table = SqlIdentifiers.schema(schema) + ".outbox_event";
        // Two plain statements instead of one with a correlated subquery: PostgreSQL planned that one as
        // a nested loop over the whole table whenever its statistics lagged a burst (a second per claim
        // at 10,000 rows). A row can wait only after a failure, while leased, or when parked, and then
        // every older open row of its key waits too (rows of a key are attempted in order), so the
        // waiting keys come from a small partial index and are skipped as a whole.
        this.waitingKeys = "select distinct partition_key from " + table + " where " + OPEN
                + " and (attempts > 0 or lease_owner is not null or parked_at is not null)"
                + " and (parked_at is not null or next_attempt_at > now() or lease_until >= now())";
        this.claim = "select seq, id, topic, partition_key, type, source, subject, occurred_at, payload::text as payload, attempts, restricted"
                + " from " + table + " where " + OPEN + " and parked_at is null and next_attempt_at <= now()"
                + " and (lease_until is null or lease_until < now()) and not (partition_key = any($2))"
                + " order by seq limit $1 for update skip locked";
        this.unsentOfKeys = "select seq, partition_key from " + table
                + " where " + OPEN + " and partition_key = any($1) and seq <= $2 order by seq";
        this.lease = "update " + table + " set lease_owner = $1, lease_until = now() + ($2 * interval '1 millisecond')"
                + " where seq = any($3)";
        this.markSent = "update " + table + " set sent_at = now(), attempts = attempts + 1, last_error = null,"
                + " lease_owner = null, lease_until = null where seq = any($1) and lease_owner = $2";
        this.markFailed = "update " + table + " set attempts = attempts + 1, last_error = $2,"
                + " next_attempt_at = now() + ($3 * interval '1 millisecond'),"
                + " parked_at = case when $4 then now() end, parked_reason = case when $4 then $2 end,"
                + " lease_owner = null, lease_until = null where seq = $1 and lease_owner = $5";
        this.release = "update " + table + " set lease_owner = null, lease_until = null where seq = any($1) and lease_owner = $2";
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
        return pool.withTransaction(conn -> conn.preparedQuery(waitingKeys).execute().chain(waiting -> {
            List<String> keys = new ArrayList<>();
            waiting.forEach(r -> keys.add(r.getString("partition_key")));
            return conn.preparedQuery(claim).execute(Tuple.of(settings.batchSize(), keys.toArray(String[]::new)));
        }).chain(rows -> {
            List<OutboxRow> locked = new ArrayList<>();
            rows.forEach(row -> locked.add(toOutboxRow(row)));
            if (locked.isEmpty()) {
                return Uni.createFrom().item(new Claim(0, List.of()));
            }
            return publishable(conn, locked).chain(publishable -> {
                if (publishable.isEmpty()) {
                    return Uni.createFrom().item(new Claim(locked.size(), List.of()));
                }
                Long[] seqs = publishable.stream().map(OutboxRow::seq).toArray(Long[]::new);
                return conn.preparedQuery(lease).execute(Tuple.of(name, settings.lease().toMillis(), seqs))
                        .replaceWith(new Claim(locked.size(), publishable));
            });
        }));
    }

    /** The locked rows that keep their key's order: the per-key lookup stops at the newest locked row. */
    private Uni<List<OutboxRow>> publishable(SqlConnection conn, List<OutboxRow> locked) {
        String[] keys = locked.stream().map(OutboxRow::partitionKey).distinct().toArray(String[]::new);
        long newest = locked.get(locked.size() - 1).seq();
        return conn.preparedQuery(unsentOfKeys).execute(Tuple.of(keys, newest)).map(unsent -> {
            Map<String, List<Long>> byKey = new LinkedHashMap<>();
            unsent.forEach(r -> byKey.computeIfAbsent(r.getString("partition_key"), k -> new ArrayList<>()).add(r.getLong("seq")));
            return OrderGuard.publishable(locked, byKey);
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
