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
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * One relay: in one transaction it locks a batch of unsent rows with {@code FOR UPDATE SKIP LOCKED}
 * (so concurrent relays never hold the same row), publishes those that keep their key's order,
 * waits for the broker's acknowledgements, then marks them sent. A crash before the mark rolls the
 * transaction back: the rows are published again later (at least once; consumers deduplicate).
 */
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Pool pool;
    private final OutboxSender sender;
    private final int batchSize;
    private final Backoff backoff;
    private final String name;
    private final String claim;
    private final String unsentOfKeys;
    private final String markSent;
    private final String markFailed;
    private final String purge;

    public OutboxRelay(Pool pool, OutboxSender sender, String schema, int batchSize, Backoff backoff, String name) {
        this.pool = pool;
        this.sender = sender;
        this.batchSize = batchSize;
        this.backoff = backoff;
        this.name = name;
        String table = SqlIdentifiers.schema(schema) + ".outbox_event";
        this.claim = "select seq, id, topic, partition_key, type, source, subject, occurred_at, payload::text as payload, attempts"
                + " from " + table + " where sent_at is null and next_attempt_at <= now()"
                + " order by seq limit $1 for update skip locked";
        this.unsentOfKeys = "select seq, partition_key from " + table
                + " where sent_at is null and partition_key = any($1) order by seq";
        this.markSent = "update " + table + " set sent_at = now(), attempts = attempts + 1, last_error = null"
                + " where seq = any($1)";
        this.markFailed = "update " + table + " set attempts = attempts + 1, last_error = $2,"
                + " next_attempt_at = now() + ($3 * interval '1 millisecond') where seq = $1";
        this.purge = "delete from " + table + " where sent_at is not null and sent_at < now() - ($1 * interval '1 millisecond')";
    }

    public String name() {
        return name;
    }

    /** Claims, publishes and marks one batch. */
    public Uni<RelayResult> relayOnce() {
        return pool.withTransaction(conn -> conn.preparedQuery(claim).execute(Tuple.of(batchSize))
                .chain(rows -> {
                    List<OutboxRow> claimed = new ArrayList<>();
                    rows.forEach(row -> claimed.add(toOutboxRow(row)));
                    if (claimed.isEmpty()) {
                        return Uni.createFrom().item(RelayResult.NOTHING);
                    }
                    return publishInOrder(conn, claimed);
                }));
    }

    private Uni<RelayResult> publishInOrder(SqlConnection conn, List<OutboxRow> claimed) {
        String[] keys = claimed.stream().map(OutboxRow::partitionKey).distinct().toArray(String[]::new);
        return conn.preparedQuery(unsentOfKeys).execute(Tuple.of(keys)).chain(unsent -> {
            Map<String, List<Long>> byKey = new LinkedHashMap<>();
            unsent.forEach(r -> byKey.computeIfAbsent(r.getString("partition_key"), k -> new ArrayList<>()).add(r.getLong("seq")));
            List<OutboxRow> publishable = OrderGuard.publishable(claimed, byKey);
            if (publishable.isEmpty()) {
                return Uni.createFrom().item(new RelayResult(claimed.size(), 0, 0));
            }
            List<Uni<Outcome>> sends = publishable.stream()
                    .map(row -> sender.send(row).map(ignored -> Outcome.sent(row))
                            .onFailure().recoverWithItem(e -> Outcome.failed(row, e)))
                    .collect(Collectors.toList());
            return Uni.join().all(sends).andFailFast()
                    .chain(outcomes -> mark(conn, outcomes).map(ignored -> new RelayResult(claimed.size(),
                            (int) outcomes.stream().filter(Outcome::ok).count(),
                            (int) outcomes.stream().filter(o -> !o.ok()).count())));
        });
    }

    private Uni<Void> mark(SqlConnection conn, List<Outcome> outcomes) {
        Long[] sent = outcomes.stream().filter(Outcome::ok).map(o -> o.row().seq()).toArray(Long[]::new);
        Uni<Void> marked = sent.length == 0 ? Uni.createFrom().voidItem()
                : conn.preparedQuery(markSent).execute(Tuple.of(sent)).replaceWithVoid();
        List<Tuple> failures = outcomes.stream().filter(o -> !o.ok()).map(o -> {
            LOG.warnf("Relay %s could not publish outbox row %s (%s) after %d attempt(s): %s",
                    name, o.row().id(), o.row().type(), o.row().attempts() + 1, o.error());
            return Tuple.of(o.row().seq(), truncate(o.error()), backoff.after(o.row().attempts() + 1).toMillis());
        }).collect(Collectors.toList());
        if (failures.isEmpty()) {
            return marked;
        }
        return marked.chain(() -> conn.preparedQuery(markFailed).executeBatch(failures).replaceWithVoid());
    }

    /** Deletes rows published longer ago than the retention. */
    public Uni<Integer> purgeSent(java.time.Duration retention) {
        return pool.preparedQuery(purge).execute(Tuple.of(retention.toMillis())).map(RowSet::rowCount);
    }

    private static OutboxRow toOutboxRow(Row row) {
        return new OutboxRow(row.getLong("seq"), row.getUUID("id"), row.getString("topic"),
                row.getString("partition_key"), row.getString("type"), row.getString("source"),
                row.getString("subject"), row.getOffsetDateTime("occurred_at"), row.getString("payload"),
                row.getInteger("attempts"));
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() > 2000 ? s.substring(0, 2000) : s;
    }

    private record Outcome(OutboxRow row, boolean ok, String error) {
        static Outcome sent(OutboxRow row) {
            return new Outcome(row, true, null);
        }

        static Outcome failed(OutboxRow row, Throwable e) {
            return new Outcome(row, false, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

}
