package io.firebreak.comms.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.comms.api.CommsFixtures;
import io.firebreak.events.EventTypes;
import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestPostgres;
import io.firebreak.testing.TestRun;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Classification's events are consumed a polled batch at a time, in one transaction: several events of one incident
 * in one batch must each see what the one before wrote, on real Kafka and PostgreSQL.
 */
@QuarkusTest
class IncidentEventsBatchTest {

    private static final String TOPIC = TestRun.topic("classification");

    @Test
    void aPriorityChangeBatchedWithItsDeclarationIsAppliedAndEvaluatedAtTheNewPriority() throws Exception {
        List<UUID> incidents = new ArrayList<>();
        Map<UUID, Instant> declaredAt = new java.util.HashMap<>();
        List<ProducerRecord<String, byte[]>> burst = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UUID incident = UUID.randomUUID();
            incidents.add(incident);
            String key = CommsFixtures.key();
            Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            declaredAt.put(incident, at);
            burst.add(record(incident, EventTypes.INCIDENT_DECLARED, "{\"incidentId\":\"" + incident + "\",\"key\":\"" + key
                    + "\",\"title\":\"Checkout slow\",\"summary\":\"p99 up\",\"businessService\":\"checkout\",\"priority\":\"P2\","
                    + "\"detectedAt\":\"" + at.minusSeconds(60) + "\",\"declaredAt\":\"" + at + "\",\"declaredBy\":\"ines\","
                    + "\"responsibleTeams\":[],\"drill\":false,\"impact\":{\"revenueLossPerHour\":1000.0}}"));
            burst.add(record(incident, EventTypes.INCIDENT_PRIORITY_CHANGED, "{\"incidentId\":\"" + incident + "\",\"key\":\"" + key
                    + "\",\"businessService\":\"checkout\",\"previousPriority\":\"P2\",\"priority\":\"P1\",\"reason\":\"RECLASSIFIED\","
                    + "\"changedBy\":\"ines\",\"changedAt\":\"" + at.plusSeconds(1) + "\",\"impact\":{\"revenueLossPerHour\":50000.0}}"));
        }
        TestKafkaClient.sendAll(burst);

        await().atMost(CommsFixtures.WAIT).until(() -> count("select count(*) from comms.inbox_event where consumer = 'comms.classification-events'"
                + " and event_id = any(?)", eventIds(burst)) == burst.size());
        // The test is only worth something if declarations and their changes shared transactions (processed_at is its start).
        Map<String, java.util.Set<Object>> transactions = new java.util.HashMap<>();
        try (Connection c = TestPostgres.connect(); PreparedStatement s = c.prepareStatement("select event_id::text, processed_at"
                + " from comms.inbox_event where consumer = 'comms.classification-events' and event_id = any(?)")) {
            s.setArray(1, c.createArrayOf("uuid", eventIds(burst).toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String incident = incidentOf(burst, r.getString(1));
                    transactions.computeIfAbsent(incident, k -> new java.util.HashSet<>()).add(r.getObject(2));
                }
            }
        }
        assertThat(transactions.values().stream().filter(t -> t.size() == 1).count())
                .as("incidents whose declaration and change were applied in one transaction").isPositive();
        for (UUID incident : incidents) {
            try (Connection c = TestPostgres.connect();
                 PreparedStatement s = c.prepareStatement("select priority, revenue_loss_per_hour from comms.incident where incident_id = ?")) {
                s.setObject(1, incident);
                try (ResultSet r = s.executeQuery()) {
                    assertThat(r.next()).as("incident %s known", incident).isTrue();
                    assertThat(r.getString(1)).as("priority of %s", incident).isEqualTo("P1");
                    assertThat(r.getDouble(2)).as("revenue loss of %s", incident).isEqualTo(50000.0);
                }
            }
            // The executive duration rule was evaluated with the changed priority (P1: 30 min, not P2's 4 h).
            try (Connection c = TestPostgres.connect(); PreparedStatement s = c.prepareStatement("select due_at from comms.deadline"
                    + " where kind = 'comms.exec-rule' and subject = ? and status = 'PENDING'")) {
                s.setString(1, incident + "/DURATION");
                try (ResultSet r = s.executeQuery()) {
                    assertThat(r.next()).as("duration rule of %s scheduled", incident).isTrue();
                    assertThat(r.getTimestamp(1).toInstant()).as("duration rule of %s", incident)
                            .isEqualTo(declaredAt.get(incident).plus(java.time.Duration.ofMinutes(30)));
                }
            }
        }
    }

    private static ProducerRecord<String, byte[]> record(UUID incident, String type, String data) {
        return TestKafkaClient.cloudEvent(TOPIC, incident.toString(), type, data);
    }

    private static List<String> eventIds(List<ProducerRecord<String, byte[]>> records) {
        return records.stream().map(TestKafkaClient::eventId).toList();
    }

    private static String incidentOf(List<ProducerRecord<String, byte[]>> records, String eventId) {
        return records.stream().filter(r -> eventIds(List.of(r)).get(0).equals(eventId)).findFirst().orElseThrow().key();
    }

    private static long count(String sql, List<String> ids) throws Exception {
        try (Connection c = TestPostgres.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
