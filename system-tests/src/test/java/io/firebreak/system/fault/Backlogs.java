package io.firebreak.system.fault;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What is still under way or was set aside, read where it lives: the services' consumer-group lag and the
 * dead-letter topics (Kafka), the outboxes and outbound deliveries (each service's schema, read as the
 * database superuser — the services publish no API for their outbox).
 */
final class Backlogs implements AutoCloseable {

    static final List<String> SCHEMAS = List.of("classification", "response", "comms", "change", "review", "metrics");

    private final Admin admin;
    private final String db;

    Backlogs(String bootstrap, String db) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        this.admin = Admin.create(p);
        this.db = db;
    }

    /** Records on every dead-letter topic (end offsets summed over partitions), by topic. */
    Map<String, Long> deadLetters() throws Exception {
        Set<String> dlqs = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream().filter(t -> t.endsWith(".dlq"))
                .collect(Collectors.toSet());
        Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
        for (TopicDescription d : admin.describeTopics(dlqs).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
            d.partitions().forEach(p -> specs.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
        }
        Map<String, Long> counts = new TreeMap<>();
        dlqs.forEach(t -> counts.put(t, 0L));
        admin.listOffsets(specs).all().get(30, TimeUnit.SECONDS)
                .forEach((tp, info) -> counts.merge(tp.topic(), info.offset(), Long::sum));
        return counts;
    }

    /** Unconsumed records per consumer group of the services ({@code *-service}). */
    Map<String, Long> lag() throws Exception {
        Map<String, Long> lag = new TreeMap<>();
        for (ConsumerGroupListing g : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
            if (!g.groupId().endsWith("-service")) {
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(g.groupId())
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
            committed.keySet().forEach(tp -> specs.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(specs).all().get(30, TimeUnit.SECONDS);
            long behind = 0;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> c : committed.entrySet()) {
                if (c.getValue() != null) {
                    behind += Math.max(0, ends.get(c.getKey()).offset() - c.getValue().offset());
                }
            }
            lag.put(g.groupId(), behind);
        }
        return lag;
    }

    /**
     * Per schema, of what was written since {@code since}: outbox events not yet published, parked outbox events (set
     * aside for an operator), outbound deliveries still pending, and dead ones (out of attempts: never delivered) — and,
     * apart, deliveries pending or dead to destinations that were already failing before {@code since}.
     */
    Map<String, long[]> outboxes(java.time.Instant since) throws Exception {
        Map<String, long[]> found = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(db, "postgres", "postgres-local-dev-only"); Statement s = c.createStatement()) {
            for (String schema : SCHEMAS) {
                long[] row = new long[5];
                try (ResultSet r = s.executeQuery("select count(*) filter (where parked_at is null), count(*) filter (where parked_at is not null)"
                        + " from " + schema + ".outbox_event where sent_at is null and discarded_at is null and created_at >= '" + since + "'")) {
                    r.next();
                    row[0] = r.getLong(1);
                    row[1] = r.getLong(2);
                }
                // A destination that was already failing before the run (a subscriber a smoke run registered and took
                // away) keeps deliveries pending whatever this run does: those are counted apart, not waited for.
                try (ResultSet r = s.executeQuery("with failing as (select distinct destination from " + schema + ".outbound_delivery"
                        + " where created_at < '" + since + "' and status in ('PENDING', 'DEAD'))"
                        + " select count(*) filter (where status = 'PENDING' and destination not in (select destination from failing)),"
                        + " count(*) filter (where status = 'DEAD' and destination not in (select destination from failing)),"
                        + " count(*) filter (where status in ('PENDING', 'DEAD') and destination in (select destination from failing))"
                        + " from " + schema + ".outbound_delivery where created_at >= '" + since + "'")) {
                    r.next();
                    row[2] = r.getLong(1);
                    row[3] = r.getLong(2);
                    row[4] = r.getLong(3);
                }
                found.put(schema, row);
            }
        }
        return found;
    }

    @Override
    public void close() {
        admin.close();
    }
}
