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
 * {@code ./mvnw -pl platform/runtime test -Dtest=OutboxLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@QuarkusTestResource(FirebreakTestResource.class)
class OutboxLatencyBenchmark {

    private static final int WARMUP = 30;
    private static final int EVENTS = 300;

    private final WidgetService widgets;

    OutboxLatencyBenchmark(WidgetService widgets) {
        this.widgets = widgets;
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
