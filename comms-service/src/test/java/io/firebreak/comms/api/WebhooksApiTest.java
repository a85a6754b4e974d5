package io.firebreak.comms.api;

import static io.firebreak.comms.api.CommsFixtures.WAIT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.firebreak.platform.delivery.StandardWebhooks;
import io.firebreak.testing.TestReceiver;
import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Signed outbound webhooks to real HTTP receivers, on real PostgreSQL and Kafka. */
@QuarkusTest
class WebhooksApiTest {

    private static final TestReceiver RECEIVER = new TestReceiver();

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    /** Each test reaches the receiver under a loopback address of its own, so one test's failures open no circuit of another's. */
    private static JsonPath subscribe(String user, String role, String host, String path, boolean includeRestricted) {
        return given().auth().oauth2(Tokens.as(user, role)).contentType(ContentType.JSON)
                .body(Map.of("name", "status mirror", "url", RECEIVER.url(host, path), "eventTypes", List.of("status.published"),
                        "includeRestricted", includeRestricted))
                .post("/api/v1/comms/webhooks").then().statusCode(201).extract().jsonPath();
    }

    private static void publish(String lead, UUID incident, String impact) {
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as(lead, "comms-lead")).contentType(ContentType.JSON)
                .body(Map.of("state", "INVESTIGATING", "impact", impact)).post("/api/v1/comms/incidents/" + incident + "/status")
                .then().statusCode(201));
    }

    private static List<Integer> versionsReceived(String path, UUID incident) {
        List<Integer> versions = new ArrayList<>();
        for (TestReceiver.Received r : RECEIVER.received(path)) {
            JsonPath body = JsonPath.from(r.body());
            if (incident.toString().equals(body.getString("data.incidentId"))) {
                versions.add(body.getInt("data.version"));
            }
        }
        return versions;
    }

    @Test
    void aReceiverDownForAWhileReceivesEverythingSignedAndInOrderAfterItReturns() {
        String path = "/hooks/" + UUID.randomUUID();
        JsonPath created = subscribe("ada", "admin", "127.0.0.2", path, false);
        String secret = created.getString("secret");
        assertThat(secret).startsWith("whsec_");
        String subscription = created.getString("subscription.id");
        RECEIVER.answer(path, 503, 503, 503, 503, 503);

        UUID incident = CommsFixtures.declared("P1");
        CommsFixtures.roleAssigned(incident, "COMMS_LEAD", "carla");
        publish("carla", incident, "Checkout fails");
        publish("carla", incident, "Checkout fails for card payments");
        publish("carla", incident, "Card payments recovering");

        await().atMost(WAIT).until(() -> versionsReceived(path, incident).containsAll(List.of(1, 2, 3)));
        List<Integer> arrived = versionsReceived(path, incident);
        // v1 was refused five times and answered the sixth; v2 and v3 waited behind it, never overtook it.
        assertThat(arrived).containsExactly(1, 1, 1, 1, 1, 1, 2, 3);
        List<Integer> sorted = new ArrayList<>(arrived);
        Collections.sort(sorted);
        assertThat(arrived).isEqualTo(sorted);

        for (TestReceiver.Received r : RECEIVER.received(path)) {
            String id = r.headers().get(StandardWebhooks.ID);
            long timestamp = Long.parseLong(r.headers().get(StandardWebhooks.TIMESTAMP));
            assertThat(StandardWebhooks.verify(secret, id, timestamp, r.body(), r.headers().get(StandardWebhooks.SIGNATURE)))
                    .as("signature of %s", id).isTrue();
            assertThat(JsonPath.from(r.body()).getString("type")).isEqualTo("status.published");
        }
        // Redelivery keeps the webhook-id, so a receiver deduplicates by it.
        assertThat(RECEIVER.received(path).stream().map(r -> r.headers().get(StandardWebhooks.ID)).distinct()).hasSize(3);

        JsonPath history = given().auth().oauth2(Tokens.as("aude", "auditor")).get("/api/v1/comms/webhooks/" + subscription + "/deliveries")
                .then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("status")).containsOnly("DELIVERED").hasSize(3);
        assertThat(history.getList("attempts", Integer.class)).containsExactly(1, 1, 6);
    }

    @Test
    void aDeadLetteredDeliveryIsReplayed() {
        String path = "/hooks/" + UUID.randomUUID();
        String subscription = subscribe("cleo", "comms-lead", "127.0.0.3", path, false).getString("subscription.id");
        Integer[] refusals = new Integer[24];
        java.util.Arrays.fill(refusals, 500);
        RECEIVER.answer(path, refusals);
        UUID incident = CommsFixtures.declared("P2");
        CommsFixtures.roleAssigned(incident, "COMMS_LEAD", "cleo");
        publish("cleo", incident, "Search is slow");

        String deliveries = "/api/v1/comms/webhooks/" + subscription + "/deliveries";
        // Each failure opens the circuit for a moment (0.5 s in tests); refusals while it is open spend no attempt.
        await().atMost(java.time.Duration.ofSeconds(90)).untilAsserted(() -> given().auth().oauth2(Tokens.as("ada", "admin")).get(deliveries)
                .then().statusCode(200).body("[0].status", equalTo("DEAD")).body("[0].attempts", equalTo(24)));
        String dead = given().auth().oauth2(Tokens.as("ada", "admin")).get(deliveries).then().extract().path("[0].id");
        given().auth().oauth2(Tokens.as("cleo", "comms-lead")).post(deliveries + "/" + dead + "/replay").then().statusCode(202);
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as("ada", "admin")).get(deliveries).then()
                .body("[0].status", equalTo("DELIVERED")));
        assertThat(versionsReceived(path, incident)).hasSize(25);
        given().auth().oauth2(Tokens.as("cleo", "comms-lead")).post(deliveries + "/" + dead + "/replay").then().statusCode(409);
        given().auth().oauth2(Tokens.as("cleo", "comms-lead")).post(deliveries + "/" + UUID.randomUUID() + "/replay").then().statusCode(404);
    }

    @Test
    void restrictedIncidentsReachOnlySubscriptionsAnAdminAllowedThem() {
        String open = "/hooks/" + UUID.randomUUID();
        String allowed = "/hooks/" + UUID.randomUUID();
        subscribe("cora", "comms-lead", "127.0.0.1", open, false);
        subscribe("ada", "admin", "127.0.0.1", allowed, true);
        given().auth().oauth2(Tokens.as("cora", "comms-lead")).contentType(ContentType.JSON)
                .body(Map.of("name", "n", "url", RECEIVER.url(allowed), "eventTypes", List.of("status.published"), "includeRestricted", true))
                .post("/api/v1/comms/webhooks").then().statusCode(403);

        UUID incident = CommsFixtures.declared("P1");
        CommsFixtures.restricted(incident, "cora");
        CommsFixtures.roleAssigned(incident, "COMMS_LEAD", "cora");
        publish("cora", incident, "Customer data may be exposed");
        UUID visible = CommsFixtures.declared("P1");
        CommsFixtures.roleAssigned(visible, "COMMS_LEAD", "cora");
        publish("cora", visible, "Checkout slow");

        await().atMost(WAIT).until(() -> versionsReceived(allowed, incident).size() == 1 && versionsReceived(open, visible).size() == 1);
        // The open subscription got the later, unrestricted incident (same ordering rules): the restricted one never went to it.
        assertThat(versionsReceived(open, incident)).isEmpty();
    }

    @Test
    void endingASubscriptionCancelsWhatIsStillPendingToIt() {
        String path = "/gone-" + UUID.randomUUID();
        Integer[] failing = new Integer[200];
        java.util.Arrays.fill(failing, 500);
        RECEIVER.answer(path, failing);
        String id = subscribe("carla", "comms-lead", "127.0.0.41", path, false).getString("subscription.id");
        UUID incident = CommsFixtures.declared("P2");
        CommsFixtures.roleAssigned(incident, "COMMS_LEAD", "cloe");
        publish("cloe", incident, "Exports are slow");
        String deliveries = "/api/v1/comms/webhooks/" + id + "/deliveries";
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as("carla", "comms-lead")).get(deliveries).then()
                .statusCode(200).body("[0].status", equalTo("PENDING")).body("[0].attempts", org.hamcrest.Matchers.greaterThanOrEqualTo(1)));

        given().auth().oauth2(Tokens.as("carla", "comms-lead")).delete("/api/v1/comms/webhooks/" + id).then().statusCode(204);
        given().auth().oauth2(Tokens.as("carla", "comms-lead")).get(deliveries).then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].status", equalTo("CANCELLED"));
        int calls = RECEIVER.received(path).size();
        given().auth().oauth2(Tokens.as("cloe", "comms-lead")).contentType(ContentType.JSON).body(Map.of("state", "IDENTIFIED", "impact", "Found it"))
                .post("/api/v1/comms/incidents/" + incident + "/status").then().statusCode(201);
        // Past the retry backoff of the test profile (at most 400 ms): nothing more reaches the removed receiver.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> RECEIVER.received(path).size() == calls);
        given().auth().oauth2(Tokens.as("carla", "comms-lead")).get(deliveries).then().statusCode(200).body("size()", equalTo(1));
    }

    @Test
    void aBadSubscriptionIsRefusedFieldByField() {
        given().auth().oauth2(Tokens.as("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("name", " ", "url", "ftp://example.com/x", "eventTypes", List.of("status.published", "incident.declared")))
                .post("/api/v1/comms/webhooks").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.contains("name", "url", "eventTypes[1]"));
        given().auth().oauth2(Tokens.as("ada", "admin")).contentType(ContentType.JSON).body(Map.of("name", "n", "url", RECEIVER.url("/x")))
                .post("/api/v1/comms/webhooks").then().statusCode(400).body("violations.field", org.hamcrest.Matchers.contains("eventTypes"));
        given().auth().oauth2(Tokens.as("ada", "admin")).delete("/api/v1/comms/webhooks/" + UUID.randomUUID()).then().statusCode(404);
    }
}
