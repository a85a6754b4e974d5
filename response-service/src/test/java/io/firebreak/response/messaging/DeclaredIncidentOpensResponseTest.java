package io.firebreak.response.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestPostgres;
import io.firebreak.testing.TestRun;
import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeclaredIncidentOpensResponseTest {

    private static final String TOPIC = TestRun.topic("classification");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void declaredEventOpensAResponseRecordInStatusDeclared() {
        UUID incident = UUID.randomUUID();
        publishDeclared(UUID.randomUUID(), incident, "INC-2026-" + suffix(), "P1");

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as("vera", "viewer"))
                .when().get("/api/v1/response/incidents/" + incident)
                .then().statusCode(200)
                .body("status", equalTo("DECLARED"))
                .body("priority", equalTo("P1"))
                .body("businessService", equalTo("checkout")));
    }

    @Test
    void redeliveredAndReplayedDeclarationsOpenOneRecordOnce() throws Exception {
        UUID incident = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String key = "INC-2026-" + suffix();
        publishDeclared(eventId, incident, key, "P2");
        publishDeclared(eventId, incident, key, "P2");
        // A replay under a new event id (e.g. from a restored outbox) must not reset the record either.
        publishDeclared(UUID.randomUUID(), incident, key, "P1");
        UUID marker = UUID.randomUUID();
        publishDeclared(UUID.randomUUID(), marker, "INC-2026-" + suffix(), "P3");

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as("vera", "viewer"))
                .when().get("/api/v1/response/incidents/" + marker).then().statusCode(200));
        given().auth().oauth2(Tokens.as("vera", "viewer")).when().get("/api/v1/response/incidents/" + incident)
                .then().statusCode(200).body("priority", equalTo("P2"));
        org.assertj.core.api.Assertions.assertThat(count("select count(*) from response.inbox_event where event_id = ?", eventId)).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(count("select count(*) from response.response_record where incident_id = ?", incident)).isEqualTo(1);
    }

    @Test
    void undecodableDeclarationGoesToTheDlqAndLaterOnesStillOpen() {
        UUID broken = UUID.randomUUID();
        TestKafkaClient.send(TOPIC, broken.toString(), "{\"incidentId\": 42".getBytes(StandardCharsets.UTF_8),
                headers(UUID.randomUUID(), broken));
        UUID incident = UUID.randomUUID();
        publishDeclared(UUID.randomUUID(), incident, "INC-2026-" + suffix(), "P1");

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as("vera", "viewer"))
                .when().get("/api/v1/response/incidents/" + incident).then().statusCode(200));
        TestKafkaClient.readUntil(TOPIC + ".dlq", r -> r.stream().anyMatch(x -> broken.toString().equals(x.key())), WAIT);
    }

    @Test
    void reclassificationChangesThePriorityTheResponseRunsAtButTheFinalPriorityDoesNot() {
        UUID incident = UUID.randomUUID();
        String key = "INC-2026-" + suffix();
        publishDeclared(UUID.randomUUID(), incident, key, "P3");
        publishChanged(incident, key, "P3", "P1", "RECLASSIFIED");
        publishChanged(incident, key, "P1", "P2", "FINAL");
        UUID marker = UUID.randomUUID();
        publishDeclared(UUID.randomUUID(), marker, "INC-2026-" + suffix(), "P4");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as("vera", "viewer"))
                .when().get("/api/v1/response/incidents/" + marker).then().statusCode(200));
        given().auth().oauth2(Tokens.as("vera", "viewer")).when().get("/api/v1/response/incidents/" + incident)
                .then().statusCode(200).body("priority", equalTo("P1"));
    }

    @Test
    void aTemporaryP1RunsTheResponseAtP1AndAnUnconfirmedExpiryAsksForAReviewUntilItIsDecided() {
        UUID incident = UUID.randomUUID();
        String key = "INC-2026-" + suffix();
        publishDeclared(UUID.randomUUID(), incident, key, "P3");
        publishChanged(incident, key, "P3", "P1", "TEMPORARY_P1_DESIGNATED");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as("vera", "viewer"))
                .when().get("/api/v1/response/incidents/" + incident)
                .then().statusCode(200).body("priority", equalTo("P1")).body("priorityReview", org.hamcrest.Matchers.nullValue()));

        String expired = "{\"incidentId\":\"" + incident + "\",\"key\":\"" + key + "\",\"businessService\":\"checkout\","
                + "\"owningTeam\":\"payments\",\"escalateTo\":[\"owen\",\"olga\"],"
                + "\"designatedAt\":\"2026-11-29T10:05:00Z\",\"expiredAt\":\"2026-11-29T10:35:00Z\"}";
        Map<String, String> headers = new java.util.HashMap<>(headers(UUID.randomUUID(), incident));
        headers.put("ce_type", "io.firebreak.incident.temporary_p1_expired.v1");
        TestKafkaClient.send(TOPIC, incident.toString(), expired.getBytes(StandardCharsets.UTF_8), headers);
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as("vera", "viewer"))
                .when().get("/api/v1/response/incidents/" + incident)
                .then().statusCode(200).body("priority", equalTo("P1"))
                .body("priorityReview.requestedAt", equalTo("2026-11-29T10:35:00Z"))
                .body("priorityReview.escalateTo", org.hamcrest.Matchers.contains("owen", "olga")));

        // One incident's events share a partition: the downgrade is applied after the expiry.
        publishChanged(incident, key, "P1", "P2", "TEMPORARY_P1_DOWNGRADED");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as("vera", "viewer"))
                .when().get("/api/v1/response/incidents/" + incident)
                .then().statusCode(200).body("priority", equalTo("P2")).body("priorityReview", org.hamcrest.Matchers.nullValue()));
    }

    private static void publishChanged(UUID incident, String key, String from, String to, String reason) {
        String data = "{\"incidentId\":\"" + incident + "\",\"key\":\"" + key + "\",\"businessService\":\"checkout\","
                + "\"previousPriority\":\"" + from + "\",\"priority\":\"" + to + "\",\"reason\":\"" + reason + "\","
                + "\"changedBy\":\"ines\",\"changedAt\":\"2026-11-29T10:05:00Z\"}";
        Map<String, String> headers = new java.util.HashMap<>(headers(UUID.randomUUID(), incident));
        headers.put("ce_type", "io.firebreak.incident.priority_changed.v1");
        TestKafkaClient.send(TOPIC, incident.toString(), data.getBytes(StandardCharsets.UTF_8), headers);
    }

    @Test
    void unknownIncidentIsA404Problem() {
        given().auth().oauth2(Tokens.as("vera", "viewer")).when().get("/api/v1/response/incidents/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/response/incidents/" + UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json");
    }

    private static void publishDeclared(UUID eventId, UUID incident, String key, String priority) {
        String data = "{\"incidentId\":\"" + incident + "\",\"key\":\"" + key + "\",\"title\":\"Checkout down\","
                + "\"summary\":\"503s\",\"businessService\":\"checkout\",\"priority\":\"" + priority + "\","
                + "\"detectedAt\":\"2026-11-29T10:00:00Z\",\"declaredAt\":\"2026-11-29T10:01:00Z\",\"declaredBy\":\"ines\"}";
        TestKafkaClient.send(TOPIC, incident.toString(), data.getBytes(StandardCharsets.UTF_8), headers(eventId, incident));
    }

    private static Map<String, String> headers(UUID eventId, UUID incident) {
        Map<String, String> headers = TestKafkaClient.cloudEventHeaders("classification", incident.toString(), "io.firebreak.incident.declared.v1");
        headers.put("ce_id", eventId.toString()); // a redelivery carries the same id
        return headers;
    }

    private static String suffix() {
        return String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000));
    }

    private static long count(String sql, UUID id) throws Exception {
        try (Connection c = TestPostgres.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
