package io.firebreak.classification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.classification.support.Fixtures;
import io.firebreak.events.CloudEventHeaders;
import io.firebreak.events.EventTypes;
import io.firebreak.events.SignalReceived;
import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestPostgres;
import io.firebreak.testing.TestRun;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Signals arrive on the topic in bursts, as a storm sends them, and are consumed a polled batch at a time:
 * grouped in topic order, stored once across redelivery, with one transaction per batch; a record that cannot
 * be processed goes to the DLQ alone, and the rest of its batch is processed.
 */
@QuarkusTest
class SignalBatchConsumptionTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TOPIC = TestRun.namespace() + ".signals";

    private final ObjectMapper mapper;
    private final MeterRegistry registry;

    SignalBatchConsumptionTest(ObjectMapper mapper, MeterRegistry registry) {
        this.mapper = mapper;
        this.registry = registry;
    }

    private long timed(String name, String tag, String value) {
        Timer timer = registry.find(name).tag(tag, value).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void eachPhaseOfABatchAndItsTransactionAreTimed() throws Exception {
        List<String> phases = List.of("groups-read", "groups-write", "signals-insert", "governing", "classify-declare");
        Map<String, Long> before = new java.util.HashMap<>();
        phases.forEach(p -> before.put(p, timed("firebreak.signals.phase", "phase", p)));
        long transactionsBefore = timed("firebreak.inbox.batch.transaction", "consumer", "classification.signals");
        String service = Fixtures.uniqueName("timed");
        Fixtures.service(service, 3, "owner-" + service);
        List<ProducerRecord<String, byte[]>> burst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            burst.add(signal(UUID.randomUUID(), signal(service, "alert-" + i, "trigger", "key-" + service)));
        }

        TestKafkaClient.sendAll(burst);

        await().atMost(WAIT).until(() -> count("select count(*) from classification.signal where service = ?", service) == burst.size());
        await().atMost(WAIT).untilAsserted(() -> {
            for (String phase : phases) {
                assertThat(timed("firebreak.signals.phase", "phase", phase)).as(phase).isGreaterThan(before.get(phase));
            }
            assertThat(timed("firebreak.inbox.batch.transaction", "consumer", "classification.signals")).isGreaterThan(transactionsBefore);
        });
    }

    @Test
    void aBurstIsGroupedInTopicOrderStoredOnceAndCommittedInFewTransactions() throws Exception {
        String service = Fixtures.uniqueName("burst");
        Fixtures.service(service, 3, "owner-" + service);
        int alerts = 10;
        List<ProducerRecord<String, byte[]>> burst = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        // Per alert: 12 triggers, a resolve, 7 more triggers (a new group); alerts interleaved as a storm sends them.
        for (int step = 0; step < 20; step++) {
            String action = step == 12 ? "resolve" : "trigger";
            for (int alert = 0; alert < alerts; alert++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                burst.add(signal(id, signal(service, "alert-" + alert, action, "key-" + service)));
            }
        }
        TestKafkaClient.sendAll(burst);

        await().atMost(WAIT).until(() -> count("select count(*) from classification.signal where service = ?", service) == burst.size());
        assertThat(count("select count(*) from classification.alert_group where service = ?", service)).isEqualTo(2L * alerts);
        assertThat(count("select count(*) from classification.alert_group where service = ? and status = 'RESOLVED'"
                + " and signal_count = 13", service)).isEqualTo(alerts);
        assertThat(count("select count(*) from classification.alert_group where service = ? and status = 'TRIGGERED'"
                + " and signal_count = 7", service)).isEqualTo(alerts);
        // processed_at is now(): the start of the transaction that recorded the event. One transaction per
        // record would give 200 distinct values; one per polled batch gives a handful.
        long transactions = countForIds("select count(distinct processed_at) from classification.inbox_event"
                + " where consumer = 'classification.signals' and event_id = any(?)", ids);
        assertThat(transactions).as("transactions for %d signals", burst.size()).isLessThanOrEqualTo(burst.size() / 10);

        // The same records again (a redelivery after a lost commit), then a marker to know they were consumed.
        TestKafkaClient.sendAll(burst);
        UUID marker = UUID.randomUUID();
        TestKafkaClient.sendAll(List.of(signal(marker, signal(service, "marker", "trigger", "key-" + service))));
        await().atMost(WAIT).until(() -> count("select count(*) from classification.signal where id = '" + marker + "'", null) == 1);
        assertThat(count("select count(*) from classification.signal where service = ?", service)).isEqualTo(burst.size() + 1L);
        assertThat(count("select sum(signal_count) from classification.alert_group where service = ? and dedup_key <> 'marker'",
                service)).isEqualTo(burst.size());
    }

    @Test
    void anUndecodableAndAFailingSignalGoAloneToTheDlqWhileTheRestOfTheirBatchIsStored() throws Exception {
        String service = Fixtures.uniqueName("poison");
        Fixtures.service(service, 3, "owner-" + service);
        List<ProducerRecord<String, byte[]>> burst = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            burst.add(signal(UUID.randomUUID(), signal(service, "alert-" + (i % 3), "trigger", "key-" + service)));
        }
        UUID undecodable = UUID.randomUUID();
        burst.add(record(undecodable, service + ":alert-0", "{\"businessService\": [not json".getBytes(StandardCharsets.UTF_8)));
        // Decodes, but the database refuses it (a signal names its integration key): fails in the batch's transaction.
        UUID failing = UUID.randomUUID();
        burst.add(signal(failing, signal(service, "alert-1", "trigger", null)));
        for (int i = 0; i < 30; i++) {
            burst.add(signal(UUID.randomUUID(), signal(service, "alert-" + (i % 3), "trigger", "key-" + service)));
        }
        TestKafkaClient.sendAll(burst);

        List<ConsumerRecord<String, byte[]>> dead = TestKafkaClient.readUntil(TOPIC + ".dlq",
                read -> ids(read).containsAll(List.of(undecodable.toString(), failing.toString())), WAIT);
        await().atMost(WAIT).until(() -> count("select count(*) from classification.signal where service = ?", service) == 60);
        assertThat(count("select sum(signal_count) from classification.alert_group where service = ?", service)).isEqualTo(60);
        assertThat(ids(dead).stream().filter(id -> id.equals(undecodable.toString()) || id.equals(failing.toString())))
                .as("each bad record once in the DLQ").hasSize(2);
        ConsumerRecord<String, byte[]> refused = dead.stream()
                .filter(r -> failing.toString().equals(TestKafkaClient.header(r, CloudEventHeaders.ID))).findFirst().orElseThrow();
        assertThat(TestKafkaClient.header(refused, "dead-letter-reason")).contains("integration_key_id");
        assertThat(dead.stream().filter(r -> List.of(undecodable.toString(), failing.toString())
                        .contains(TestKafkaClient.header(r, CloudEventHeaders.ID))))
                .as("each names the consumer that gave up on it (the topic has several)")
                .allSatisfy(r -> assertThat(TestKafkaClient.header(r, "firebreak-consumer")).isEqualTo("classification.signals"));
    }

    private SignalReceived signal(String service, String dedupKey, String action, String integrationKey) {
        Instant now = Instant.now();
        return new SignalReceived(service, integrationKey, "pagerduty:test", action, dedupKey, "Checkout errors", "prom",
                "warning", now, null, null, null, null, now);
    }

    private ProducerRecord<String, byte[]> signal(UUID id, SignalReceived s) throws Exception {
        return record(id, s.businessService() + ":" + s.dedupKey(), mapper.writeValueAsBytes(s));
    }

    private static ProducerRecord<String, byte[]> record(UUID id, String key, byte[] value) {
        ProducerRecord<String, byte[]> record = TestKafkaClient.cloudEvent(TOPIC, key, EventTypes.SIGNAL_RECEIVED, value);
        record.headers().remove(CloudEventHeaders.ID).add(CloudEventHeaders.ID, id.toString().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static List<String> ids(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> TestKafkaClient.header(r, CloudEventHeaders.ID)).toList();
    }

    private static long count(String sql, String service) throws Exception {
        try (Connection c = TestPostgres.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            if (service != null) {
                s.setString(1, service);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static long countForIds(String sql, List<UUID> ids) throws Exception {
        try (Connection c = TestPostgres.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("uuid", ids.toArray());
            s.setArray(1, array);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
