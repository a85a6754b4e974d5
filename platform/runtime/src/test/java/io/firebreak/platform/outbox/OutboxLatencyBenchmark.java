package io.firebreak.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.platform.testapp.WidgetService;
import io.firebreak.testing.FirebreakTestResource;
import io.firebreak.testing.TestKafka;
import io.firebreak.testing.TestRun;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (not run by {@code ./mvnw verify}): time from the commit of a state
 * change to the event's arrival at a Kafka consumer, for an idle service. The relay's poll is
 * 1 h in this app, so every event is woken by LISTEN/NOTIFY. Run with
 * {@code ./mvnw -pl platform/runtime -am test -Dtest=OutboxLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@QuarkusTestResource(FirebreakTestResource.class)
class OutboxLatencyBenchmark {

    private static final int WARMUP = 30;
    private static final int EVENTS = 300;

    private final WidgetService widgets;
    private final OutboxRelayService relay;

    OutboxLatencyBenchmark(WidgetService widgets, OutboxRelayService relay) {
        this.widgets = widgets;
        this.relay = relay;
    }

    /**
     * Drain rate of one relay: rows committed while the relay is paused, then the time from resume
     * until every row is acknowledged and marked. Many keys (rows of different keys go out
     * concurrently) and one key (its rows go out one after the other, each after the previous ack).
     */
    @Test
    void drainRateManyKeysAndOneKey() throws Exception {
        StringBuilder report = new StringBuilder();
        report.append(drain("many keys", 10_000, 1_000)).append(System.lineSeparator());
        report.append(drain("one key", 2_000, 1)).append(System.lineSeparator());
        System.out.print(report);
        Files.writeString(Path.of("target", "outbox-throughput.txt"), report);
    }

    private String drain(String label, int rows, int keys) throws Exception {
        String prefix = "drain-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        relay.pause().await().atMost(Duration.ofSeconds(30));
        try (java.sql.Connection c = io.firebreak.testing.TestPostgres.connect();
             java.sql.PreparedStatement insert = c.prepareStatement("insert into platform_test.outbox_event"
                     + " (id, topic, partition_key, type, source, subject, occurred_at, payload) values"
                     + " (?, ?, ?, 'io.firebreak.test.bench.v1', '/firebreak/platform_test', ?, now(), cast(? as jsonb))")) {
            c.setAutoCommit(false);
            for (int i = 0; i < rows; i++) {
                String key = prefix + (i % keys);
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, TestRun.topic("platform_bench")); // no consumer of the test app reads it
                insert.setString(3, key);
                insert.setString(4, key);
                insert.setString(5, "{\"n\":" + i + ",\"note\":\"" + "x".repeat(200) + "\"}");
                insert.addBatch();
            }
            insert.executeBatch();
            c.commit();
        }
        long started = System.nanoTime();
        relay.resume();
        String unsent = "select count(*) from platform_test.outbox_event where partition_key like '" + prefix + "%' and sent_at is null";
        while (io.firebreak.platform.testapp.Db.count(unsent) > 0) {
            Thread.sleep(20);
            if (System.nanoTime() - started > Duration.ofMinutes(5).toNanos()) {
                throw new AssertionError(label + ": not drained within 5 minutes");
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return String.format("outbox drain, %s: %d rows over %d key(s) in %.2f s = %.0f rows/s", label, rows, keys, seconds, rows / seconds);
    }

    @Test
    void commitToConsumerLatencyAtIdle() throws Throwable {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "latency-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        List<Double> millis = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TestRun.topic("platform_test")));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(50));
            }
            for (int i = 0; i < WARMUP + EVENTS; i++) {
                String key = "latency-" + i;
                UUID id = VertxContextSupport.subscribeAndAwait(() -> widgets.create(key, "bench", 0, false));
                long committed = System.nanoTime();
                boolean seen = false;
                while (!seen) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(5))) {
                        if (id.toString().equals(new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))) {
                            seen = true;
                        }
                    }
                    if (System.nanoTime() - committed > Duration.ofSeconds(10).toNanos()) {
                        throw new AssertionError("event " + i + " not received within 10 s");
                    }
                }
                if (i >= WARMUP) {
                    millis.add((System.nanoTime() - committed) / 1_000_000.0);
                }
                Thread.sleep(20); // idle between events: each one is a lone commit
            }
        }
        Collections.sort(millis);
        String report = String.format("outbox commit->consumer latency over %d idle events (ms): p50=%.1f p90=%.1f p99=%.1f max=%.1f",
                millis.size(), pct(millis, 50), pct(millis, 90), pct(millis, 99), millis.get(millis.size() - 1));
        System.out.println(report);
        Files.writeString(Path.of("target", "outbox-latency.txt"), report + System.lineSeparator());
        assertThat(millis).hasSize(EVENTS);
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
