package io.firebreak.platform.outbox;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.utils.Utils;

/**
 * Publishes the rows one relay claimed, holding no database connection while it waits for the broker:
 * <ul>
 *   <li>each key's rows go out one after the other, the next only once the previous is acknowledged,
 *       and none after a failure, so a key is never reordered; different keys go out concurrently;</li>
 *   <li>a topic whose metadata cannot be had within {@code max.block.ms}, and a partition without a
 *       leader or that failed a send, skip their remaining rows for this run;</li>
 *   <li>the run ends at its deadline whatever the broker does; a row with no answer by then counts as
 *       a failed attempt.</li>
 * </ul>
 */
final class RelayRun {

    private static final String DEADLINE = "no acknowledgement within the relay run deadline";

    private final OutboxSender sender;
    private final Duration timeout;
    private final Map<Long, RelayOutcome> outcomes = new ConcurrentHashMap<>();
    private final Set<String> failedTopics = ConcurrentHashMap.newKeySet();
    private final Map<String, String> failedPartitions = new ConcurrentHashMap<>();
    private volatile Map<String, TopicStatus> topics = Map.of();
    private volatile boolean closed;

    RelayRun(OutboxSender sender, Duration timeout) {
        this.sender = sender;
        this.timeout = timeout;
    }

    /** Publishes {@code rows} (in seq order) and answers one outcome per row, in seq order. */
    Uni<List<RelayOutcome>> publish(List<OutboxRow> rows) {
        Set<String> topicNames = new LinkedHashSet<>();
        rows.forEach(r -> topicNames.add(r.topic()));
        Map<String, List<OutboxRow>> byKey = new LinkedHashMap<>();
        rows.forEach(r -> byKey.computeIfAbsent(r.topic() + '\u0000' + r.partitionKey(), k -> new ArrayList<>()).add(r));
        return sender.describe(topicNames)
                .onFailure().recoverWithItem(e -> failAll(topicNames, e))
                .invoke(described -> topics = described)
                .chain(described -> {
                    List<Uni<Void>> chains = byKey.values().stream().map(this::chain).toList();
                    return Uni.join().all(chains).andCollectFailures().replaceWithVoid();
                })
                .ifNoItem().after(timeout).recoverWithItem((Void) null)
                .onFailure().recoverWithItem((Void) null)
                // Acknowledgements complete on the producer's network thread: leave it before the bookkeeping.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(ignored -> {
                    closed = true; // a key whose ack comes late sends nothing more: its next rows are released
                    return collect(rows);
                });
    }

    private static Map<String, TopicStatus> failAll(Set<String> topicNames, Throwable e) {
        Map<String, TopicStatus> failed = new LinkedHashMap<>();
        topicNames.forEach(t -> failed.put(t, TopicStatus.failed(e)));
        return failed;
    }

    /** A key's rows, strictly one after the other. */
    private Uni<Void> chain(List<OutboxRow> rows) {
        Uni<Boolean> next = Uni.createFrom().item(true);
        for (OutboxRow row : rows) {
            next = next.chain(goOn -> goOn ? publishOne(row) : Uni.createFrom().item(false));
        }
        return next.replaceWithVoid();
    }

    private Uni<Boolean> publishOne(OutboxRow row) {
        if (closed) {
            return Uni.createFrom().item(false);
        }
        String skip = skipReason(row);
        if (skip != null) {
            outcomes.put(row.seq(), RelayOutcome.failed(row, skip, false));
            return Uni.createFrom().item(false);
        }
        return sender.send(row)
                .map(ignored -> {
                    outcomes.putIfAbsent(row.seq(), RelayOutcome.sent(row));
                    return true;
                })
                .onFailure().recoverWithItem(error -> {
                    boolean permanent = SendFailures.permanent(error);
                    String reason = SendFailures.describe(error);
                    if (!permanent) {
                        partitionOf(row).ifPresent(p -> failedPartitions.putIfAbsent(p, reason));
                    }
                    outcomes.putIfAbsent(row.seq(), RelayOutcome.failed(row, reason, permanent));
                    return false;
                });
    }

    private String skipReason(OutboxRow row) {
        TopicStatus status = topics.getOrDefault(row.topic(), TopicStatus.UNKNOWN);
        if (!status.available()) {
            failedTopics.add(row.topic());
            return "topic " + row.topic() + " unavailable: " + SendFailures.describe(status.failure());
        }
        java.util.Optional<String> partition = partitionOf(row);
        if (partition.isPresent()) {
            int number = Integer.parseInt(partition.get().substring(partition.get().lastIndexOf('-') + 1));
            if (status.leaderless().contains(number)) {
                return "partition " + partition.get() + " has no leader";
            }
            String failed = failedPartitions.get(partition.get());
            if (failed != null) {
                return "partition " + partition.get() + " failed earlier in this run: " + failed;
            }
        }
        return null;
    }

    /** {@code topic-partition} of the row, as Kafka's default partitioner places a keyed record. */
    private java.util.Optional<String> partitionOf(OutboxRow row) {
        TopicStatus status = topics.getOrDefault(row.topic(), TopicStatus.UNKNOWN);
        if (status.partitions() <= 0) {
            return java.util.Optional.empty();
        }
        byte[] key = row.partitionKey().getBytes(StandardCharsets.UTF_8);
        int partition = Utils.toPositive(Utils.murmur2(key)) % status.partitions();
        return java.util.Optional.of(row.topic() + "-" + partition);
    }

    /**
     * One outcome per row. Per key: rows with an outcome keep it; the first row without one (the run
     * ended while it was in flight, or before it) failed an attempt; later rows are released untried.
     */
    private List<RelayOutcome> collect(List<OutboxRow> rows) {
        Map<String, Boolean> keyStopped = new LinkedHashMap<>();
        List<RelayOutcome> result = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            String key = row.topic() + '\u0000' + row.partitionKey();
            if (Boolean.TRUE.equals(keyStopped.get(key))) {
                result.add(RelayOutcome.released(row));
                continue;
            }
            RelayOutcome outcome = outcomes.get(row.seq());
            if (outcome == null) {
                outcome = RelayOutcome.failed(row, DEADLINE, false);
            }
            if (outcome.kind() != RelayOutcome.Kind.SENT) {
                keyStopped.put(key, true);
            }
            result.add(outcome);
        }
        return result;
    }

    /** Topics skipped in this run because their metadata could not be had. */
    Set<String> failedTopics() {
        return Set.copyOf(failedTopics);
    }
}
