package io.firebreak.platform.inbox;

import static io.firebreak.testing.TestKafkaClient.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.platform.testapp.Db;
import io.firebreak.platform.testapp.WidgetCreated;
import io.firebreak.testing.FirebreakTestResource;
import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestRun;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FirebreakTestResource.class)
class InboxTest {

    @jakarta.inject.Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String TOPIC = TestRun.topic("platform_test");
    private static final String DLQ = TOPIC + ".dlq";

    @Test
    void sameCloudEventDeliveredTwiceHasOneEffect() {
        UUID widget = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String key = "k-" + widget;
        send(key, eventId, event(widget, 0));
        send(key, eventId, event(widget, 0));
        UUID marker = UUID.randomUUID();
        send(key, marker, event(UUID.randomUUID(), 0));

        await().atMost(WAIT).until(() -> effects(marker) == 1);
        assertThat(effects(eventId)).isEqualTo(1);
        assertThat(Db.count("select count(*) from platform_test.inbox_event where consumer = 'widgets' and event_id = ?", eventId))
                .isEqualTo(1);
    }

    @Test
    void anEventTypeTheConsumerDoesNotWantIsAcknowledgedWithoutAnInboxRow() {
        String key = "skip-" + UUID.randomUUID();
        UUID unwanted = UUID.randomUUID();
        send(key, unwanted, event(UUID.randomUUID(), 0), "io.firebreak.widget.painted.v1");
        UUID marker = UUID.randomUUID();
        send(key, marker, event(UUID.randomUUID(), 0));

        await().atMost(WAIT).until(() -> effects(marker) == 1);
        assertThat(Db.count("select count(*) from platform_test.inbox_event where consumer = 'widgets' and event_id = ?", unwanted)).isZero();
        assertThat(Db.count("select count(*) from platform_test.inbox_event where consumer = 'widgets' and event_id = ?", marker)).isEqualTo(1);
        assertThat(effects(unwanted)).isZero();
    }

    @Test
    void poisonRecordsGoToTheDlqWithTheirErrorAndTheNextRecordIsProcessed() {
        String key = "poison-" + UUID.randomUUID();
        UUID undecodableId = UUID.randomUUID();
        TestKafkaClient.send(TOPIC, key, "not even json".getBytes(StandardCharsets.UTF_8), Map.of("origin", undecodableId.toString()));
        UUID badDataId = UUID.randomUUID();
        send(key, badDataId, "{\"widgetId\": \"not-a-uuid\"}");
        UUID good = UUID.randomUUID();
        send(key, good, event(UUID.randomUUID(), 0));

        await().atMost(WAIT).until(() -> effects(good) == 1);
        List<ConsumerRecord<String, byte[]>> dead = TestKafkaClient.readUntil(DLQ,
                r -> r.stream().filter(x -> key.equals(x.key())).count() >= 2, WAIT);
        List<ConsumerRecord<String, byte[]>> mine = dead.stream().filter(x -> key.equals(x.key())).toList();
        assertThat(mine).hasSize(2);
        assertThat(mine).allSatisfy(r -> assertThat(header(r, "dead-letter-reason")).isNotBlank());
        assertThat(header(mine.get(0), "origin")).isEqualTo(undecodableId.toString());
        assertThat(header(mine.get(0), "dead-letter-reason")).contains("not a CloudEvent");
        assertThat(header(mine.get(1), "ce_id")).isEqualTo(badDataId.toString());
        assertThat(header(mine.get(1), "dead-letter-reason")).contains("not a valid WidgetCreated");
        assertThat(mine).as("names the consumer that gave up, among the topic's several")
                .allSatisfy(r -> assertThat(header(r, "firebreak-consumer")).isEqualTo("widgets"));
        assertThat(effects(badDataId)).isZero();
    }

    @Test
    void failingEffectIsRetriedAndAppliedOnceWhenItRecovers() {
        UUID widget = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        send("flaky-" + widget, eventId, event(widget, 2));

        await().atMost(WAIT).until(() -> effects(eventId) == 1);
        assertThat(Db.count("select attempts from platform_test.widget_attempt where widget_id = ?", widget)).isEqualTo(3);
    }

    @Test
    void effectStillFailingAfterTheLastAttemptIsDeadLetteredAndLeavesNoTrace() {
        UUID widget = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String key = "hopeless-" + widget;
        send(key, eventId, event(widget, 99));
        UUID marker = UUID.randomUUID();
        send(key, marker, event(UUID.randomUUID(), 0));

        await().atMost(WAIT).until(() -> effects(marker) == 1);
        List<ConsumerRecord<String, byte[]>> dead = TestKafkaClient.readUntil(DLQ,
                r -> r.stream().anyMatch(x -> eventId.toString().equals(header(x, "ce_id"))), WAIT);
        assertThat(dead.stream().filter(x -> eventId.toString().equals(header(x, "ce_id"))).findFirst().orElseThrow())
                .satisfies(r -> assertThat(header(r, "dead-letter-reason")).contains("effect failed on attempt 3"));
        assertThat(Db.count("select attempts from platform_test.widget_attempt where widget_id = ?", widget)).isEqualTo(3);
        assertThat(effects(eventId)).isZero();
        assertThat(Db.count("select count(*) from platform_test.inbox_event where event_id = ?", eventId)).isZero();
    }

    @Test
    void anEffectFailingOnlyWhileTheDatabaseIsDownIsRetriedPastTheAttemptLimitAndNeverDeadLettered() {
        UUID widget = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        // Five failures, where three attempts dead-letter an effect that fails for its own reasons (test above).
        send("outage-" + widget, eventId, "{\"widgetId\":\"" + widget + "\",\"name\":\"outage\",\"failTimes\":5}");

        await().atMost(WAIT).until(() -> effects(eventId) == 1);
        assertThat(Db.count("select attempts from platform_test.widget_attempt where widget_id = ?", widget)).isEqualTo(6);
        assertThat(Db.count("select count(*) from platform_test.inbox_event where event_id = ?", eventId)).isEqualTo(1);
    }

    @Test
    void anEffectFailingBecauseTheServiceIsShuttingDownAndClosedItsPoolIsNeverDeadLettered() {
        UUID widget = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        // Five failures of a closed pool, where three attempts dead-letter an effect failing for its own reasons.
        send("shutdown-" + widget, eventId, "{\"widgetId\":\"" + widget + "\",\"name\":\"shutdown\",\"failTimes\":5}");

        await().atMost(WAIT).until(() -> effects(eventId) == 1);
        assertThat(Db.count("select attempts from platform_test.widget_attempt where widget_id = ?", widget)).isEqualTo(6);
        assertThat(Db.count("select count(*) from platform_test.inbox_event where event_id = ?", eventId)).isEqualTo(1);
    }

    @Test
    void everyAttemptThatFailsBecauseTheDatabaseIsUnavailableIsCounted() {
        double before = transientFailures();
        UUID widget = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        send("outage-" + widget, eventId, "{\"widgetId\":\"" + widget + "\",\"name\":\"outage\",\"failTimes\":4}");

        await().atMost(WAIT).until(() -> effects(eventId) == 1);
        assertThat(transientFailures() - before).isEqualTo(4.0);
    }

    @Test
    void everyAttemptThatFailsForItsOwnReasonIsCountedWithItsSqlState() {
        double before = effectFailures("40P01");
        double beforeOthers = effectFailures("none");
        double beforeTransient = transientFailures();
        UUID widget = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        send("deadlock-" + widget, eventId, "{\"widgetId\":\"" + widget + "\",\"name\":\"deadlock\",\"failTimes\":2}");

        await().atMost(WAIT).until(() -> effects(eventId) == 1);
        assertThat(effectFailures("40P01") - before).as("deadlocks counted").isEqualTo(2.0);
        assertThat(effectFailures("none") - beforeOthers).as("counted under its SQLSTATE only").isZero();
        assertThat(transientFailures() - beforeTransient).as("not an outage").isZero();
    }

    private double effectFailures(String sqlState) {
        io.micrometer.core.instrument.Counter counter = registry.find("firebreak.inbox.effect.failures").tag("consumer", "widgets")
                .tag("sqlstate", sqlState).counter();
        return counter == null ? 0 : counter.count();
    }

    private double transientFailures() {
        io.micrometer.core.instrument.Counter counter = registry.find("firebreak.inbox.transient.failures").tag("consumer", "widgets").counter();
        return counter == null ? 0 : counter.count();
    }

    private static long effects(UUID eventId) {
        return Db.count("select count(*) from platform_test.widget_effect where event_id = ?", eventId);
    }

    private static String event(UUID widget, int failTimes) {
        return "{\"widgetId\":\"" + widget + "\",\"name\":\"w\",\"failTimes\":" + failTimes + "}";
    }

    private static void send(String key, UUID id, String data) {
        send(key, id, data, WidgetCreated.TYPE);
    }

    private static void send(String key, UUID id, String data, String type) {
        Map<String, String> headers = new HashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", id.toString());
        headers.put("ce_type", type);
        headers.put("ce_source", "/firebreak/test");
        headers.put("ce_subject", key);
        headers.put("ce_time", Instant.now().toString());
        headers.put("content-type", "application/json");
        TestKafkaClient.send(TOPIC, key, data.getBytes(StandardCharsets.UTF_8), headers);
    }
}
