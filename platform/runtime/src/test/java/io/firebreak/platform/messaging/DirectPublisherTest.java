package io.firebreak.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firebreak.platform.outbox.OutboxRow;
import io.firebreak.testing.TestKafka;
import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestRun;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Intake's publisher: answers within its timeout and refuses at once when too much is waiting. */
class DirectPublisherTest {

    @Test
    void aBrokerInTroubleIsAnsweredWithinTheTimeoutNotAfterTheProducersOwnWaits() throws Exception {
        try (DirectPublisher publisher = new DirectPublisher("127.0.0.1:" + closedPort(), Map.of(), "intake-test", 100,
                Duration.ofSeconds(1), Duration.ofSeconds(7))) {
            long started = System.nanoTime();

            assertThatThrownBy(() -> publisher.publish(row("k")).await().atMost(Duration.ofSeconds(30)))
                    .isInstanceOf(PublishRejectedException.class)
                    .satisfies(e -> assertThat(((PublishRejectedException) e).retryAfterSeconds()).isEqualTo(7));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void beyondTheBoundOfWaitingRecordsAPublishIsRefusedAtOnce() throws Exception {
        try (DirectPublisher publisher = new DirectPublisher("127.0.0.1:" + closedPort(), Map.of(), "intake-test", 2,
                Duration.ofSeconds(5), Duration.ofSeconds(3))) {
            CompletableFuture<Void> first = publisher.publish(row("a")).subscribeAsCompletionStage();
            CompletableFuture<Void> second = publisher.publish(row("b")).subscribeAsCompletionStage();
            long started = System.nanoTime();

            assertThatThrownBy(() -> publisher.publish(row("c")).await().atMost(Duration.ofSeconds(30)))
                    .isInstanceOf(PublishRejectedException.class).hasMessageContaining("already waiting");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
            assertThat(first).isNotDone();
            assertThat(second).isNotDone();
            assertThat(publisher.available()).isZero();
        }
    }

    @Test
    void aHealthyBrokerAcknowledgesAndThePermitComesBack() throws Exception {
        String topic = TestRun.topic("direct-publisher");
        try (DirectPublisher publisher = new DirectPublisher(TestKafka.start(), Map.of(), "intake-test", 2,
                Duration.ofSeconds(10), Duration.ofSeconds(3))) {
            OutboxRow row = new OutboxRow(0, UUID.randomUUID(), topic, "svc:dedup", "io.firebreak.signal.received.v1",
                    "/firebreak/classification", "svc:dedup", OffsetDateTime.now(), "{}", 0);

            publisher.publish(row).await().atMost(Duration.ofSeconds(30));

            TestKafkaClient.readUntil(topic, r -> r.stream().anyMatch(x -> row.id().toString().equals(TestKafkaClient.header(x, "ce_id"))),
                    Duration.ofSeconds(30));
            assertThat(publisher.available()).isEqualTo(2);
        }
    }

    private static OutboxRow row(String key) {
        return new OutboxRow(0, UUID.randomUUID(), "nowhere", key, "io.firebreak.signal.received.v1", "/firebreak/classification",
                key, OffsetDateTime.now(), "{}", 0);
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
