package io.firebreak.system.fault;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

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
     * Why a group is behind, for the report of a run that never got quiet: the group's state and members, and per
     * partition that is behind, who owns it, the committed and end offsets and the first records not committed — each
     * with its type and whether the service's inbox holds it (processed but not committed, vs never processed; types
     * the consumer does not want leave no inbox row).
     */
    String explainLag(Map<String, Long> lag) {
        StringBuilder out = new StringBuilder();
        String bootstrap;
        try {
            bootstrap = String.valueOf(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).stream()
                    .map(n -> n.host() + ":" + n.port()).collect(Collectors.joining(",")));
        } catch (Exception e) {
            return "lag not explained: cluster not readable (" + e + ")\n";
        }
        for (Map.Entry<String, Long> g : lag.entrySet()) {
            if (g.getValue() == 0) {
                continue;
            }
            try {
                explainGroup(out, g.getKey(), bootstrap);
            } catch (Exception e) {
                out.append("  ").append(g.getKey()).append(": not explained (").append(e).append(")\n");
            }
        }
        return out.toString();
    }

    private void explainGroup(StringBuilder out, String group, String bootstrap) throws Exception {
        ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get(20, TimeUnit.SECONDS);
        Map<TopicPartition, String> owner = new HashMap<>();
        d.members().forEach(m -> m.assignment().topicPartitions().forEach(tp -> owner.put(tp, m.consumerId() + "@" + m.host())));
        out.append(String.format(Locale.ROOT, "  %s: state %s, %d members%n", group, d.groupState(), d.members().size()));
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(20, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
        committed.keySet().forEach(tp -> specs.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(specs).all().get(20, TimeUnit.SECONDS);
        String schema = group.replace("-service", "");
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(p);
             Connection c = DriverManager.getConnection(db, "postgres", "postgres-local-dev-only")) {
            for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(TopicPartition::toString))).toList()) {
                if (e.getValue() == null || ends.get(e.getKey()).offset() <= e.getValue().offset()) {
                    continue;
                }
                TopicPartition tp = e.getKey();
                long from = e.getValue().offset();
                out.append(String.format(Locale.ROOT, "    %s committed %d, end %d, owner %s%n", tp, from,
                        ends.get(tp).offset(), owner.getOrDefault(tp, "none")));
                reader.assign(List.of(tp));
                reader.seek(tp, from);
                int shown = 0;
                for (int polls = 0; polls < 5 && shown < 3; polls++) {
                    for (ConsumerRecord<byte[], byte[]> r : reader.poll(Duration.ofSeconds(2))) {
                        if (shown++ >= 3) {
                            break;
                        }
                        String id = header(r, "ce_id");
                        out.append(String.format(Locale.ROOT, "      offset %d %s %s, in %s inbox: %s%n", r.offset(), header(r, "ce_type"), id,
                                schema, inInbox(c, schema, id)));
                    }
                }
            }
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? "-" : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String inInbox(Connection c, String schema, String id) {
        try (var s = c.prepareStatement("select string_agg(consumer || ' ' || processed_at, ', ') from " + schema
                + ".inbox_event where event_id = cast(? as uuid)")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                String found = r.getString(1);
                return found == null ? "no" : found;
            }
        } catch (Exception e) {
            return "not readable (" + e.getMessage() + ")";
        }
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
