package io.firebreak.comms.api;

import static io.firebreak.comms.api.CommsFixtures.WAIT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.firebreak.platform.deadline.DeadlineFiring;
import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestRun;
import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The single source of truth for status, on real PostgreSQL and Kafka, with roles learnt from response's events. */
@QuarkusTest
class StatusApiTest {

    private final DeadlineFiring deadlines;

    StatusApiTest(DeadlineFiring deadlines) {
        this.deadlines = deadlines;
    }

    private static String status(UUID incident) {
        return "/api/v1/comms/incidents/" + incident + "/status";
    }

    private static ValidatableResponse publish(String user, String role, UUID incident, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.as(user, role)).contentType(ContentType.JSON).body(body).post(status(incident)).then();
    }

    private static Map<String, Object> investigating(String impact) {
        return new HashMap<>(Map.of("state", "INVESTIGATING", "impact", impact, "affectedServices", List.of("checkout")));
    }

    private static ValidatableResponse draft(String user, UUID incident, int version) {
        return given().auth().oauth2(Tokens.as(user, "comms-lead")).contentType(ContentType.JSON)
                .body(Map.of("statusVersion", version, "audience", "EXECUTIVE", "body", "Checkout is failing; next update in 30 min."))
                .post("/api/v1/comms/incidents/" + incident + "/messages").then();
    }

    private static List<JsonPath> commsEvents(UUID incident, String type, int atLeast) {
        java.util.function.Function<List<ConsumerRecord<String, byte[]>>, List<JsonPath>> mine = records -> records.stream()
                .filter(r -> incident.toString().equals(r.key())).filter(r -> type.equals(TestKafkaClient.header(r, "ce_type")))
                .map(r -> JsonPath.from(new String(r.value(), StandardCharsets.UTF_8))).toList();
        return mine.apply(TestKafkaClient.readUntil(TestRun.topic("comms"), records -> mine.apply(records).size() >= atLeast, WAIT));
    }

    private void timePasses(Duration ahead) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> deadlines.fireDue(Instant.now().plus(ahead)));
    }

    @Test
    void onlyTheCurrentCommsLeadPublishesAndAFormerHolderIsRefusedAfterAHandover() {
        UUID incident = CommsFixtures.declared("P1");
        publish("carla", "comms-lead", incident, investigating("Checkout fails")).statusCode(403).contentType("application/problem+json");

        UUID carlas = CommsFixtures.roleAssigned(incident, "COMMS_LEAD", "carla");
        CommsFixtures.roleAssigned(incident, "INCIDENT_COMMANDER", "ivan");
        await().atMost(WAIT).untilAsserted(() -> publish("carla", "comms-lead", incident, investigating("Checkout fails for card payments"))
                .statusCode(201).body("version", equalTo(1)));
        publish("ivan", "incident-commander", incident, investigating("the IC is not the voice")).statusCode(403);
        publish("ada", "admin", incident, investigating("nor is an admin")).statusCode(403);

        // The handover as response publishes it: carla released, dora assigned.
        CommsFixtures.roleReleased(incident, carlas, "COMMS_LEAD", "carla");
        CommsFixtures.roleAssigned(incident, "COMMS_LEAD", "dora");
        await().atMost(WAIT).untilAsserted(() -> publish("carla", "comms-lead", incident, investigating("still carla?")).statusCode(403));
        Map<String, Object> identified = new HashMap<>(Map.of("state", "IDENTIFIED", "impact", "Card payments fail after a bad deploy",
                "affectedServices", List.of("checkout", "payments"), "correctionOf", 1));
        await().atMost(WAIT).untilAsserted(() -> publish("dora", "comms-lead", incident, identified).statusCode(201)
                .body("version", equalTo(2)).body("correctionOf", equalTo(1)));

        given().auth().oauth2(Tokens.as("vera", "viewer")).get(status(incident)).then().statusCode(200)
                .body("current.version", equalTo(2)).body("versions.version", contains(2, 1))
                .body("versions.publishedBy", contains("dora", "carla"));
        List<JsonPath> published = commsEvents(incident, "io.firebreak.status.published.v1", 2);
        assertThat(published).extracting(e -> e.getInt("version")).containsExactly(1, 2);
        assertThat(published.get(1).getString("publishedBy")).isEqualTo("dora");
        assertThat(published.get(1).getList("affectedServices")).containsExactly("checkout", "payments");
        assertThat(Duration.between(Instant.parse(published.get(0).getString("publishedAt")),
                Instant.parse(published.get(0).getString("nextUpdateDueAt")))).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aMessageDraftedOnASupersededVersionIsRefused() {
        UUID incident = CommsFixtures.declared("P2");
        CommsFixtures.roleAssigned(incident, "COMMS_LEAD", "cora");
        await().atMost(WAIT).untilAsserted(() -> draft("cora", incident, 1).statusCode(409).contentType("application/problem+json"));

        publish("cora", "comms-lead", incident, investigating("Search is slow")).statusCode(201);
        draft("cora", incident, 1).statusCode(201).body("statusVersion", equalTo(1)).body("subject", org.hamcrest.Matchers.containsString("[P2]"));
        publish("cora", "comms-lead", incident, investigating("Search is slow for all users")).statusCode(201).body("version", equalTo(2));
        draft("cora", incident, 1).statusCode(409).body("detail", org.hamcrest.Matchers.containsString("superseded by v2"));
        draft("cora", incident, 7).statusCode(409);
        draft("cora", incident, 2).statusCode(201);
        draft("rita", incident, 2).statusCode(403);
        given().auth().oauth2(Tokens.as("cora", "comms-lead")).contentType(ContentType.JSON).body(Map.of("audience", "BOARD"))
                .post("/api/v1/comms/incidents/" + incident + "/messages").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("statusVersion", "audience", "body"));
        given().auth().oauth2(Tokens.as("aude", "auditor")).get("/api/v1/comms/incidents/" + incident + "/messages").then().statusCode(200)
                .body("statusVersion", contains(1, 2));
    }

    @Test
    void aNextUpdateThatPassesWithoutANewVersionIsOverdueOnce() throws Throwable {
        UUID incident = CommsFixtures.declared("P1");
        CommsFixtures.roleAssigned(incident, "COMMS_LEAD", "cleo");
        Map<String, Object> v1 = investigating("Logins fail");
        v1.put("nextUpdateDueAt", Instant.now().plus(Duration.ofMinutes(10)).toString());
        await().atMost(WAIT).untilAsserted(() -> publish("cleo", "comms-lead", incident, v1).statusCode(201));

        timePasses(Duration.ofMinutes(5));
        timePasses(Duration.ofMinutes(11));
        List<JsonPath> overdue = commsEvents(incident, "io.firebreak.status.update_overdue.v1", 1);
        assertThat(overdue).hasSize(1);
        assertThat(overdue.get(0).getInt("version")).isEqualTo(1);
        assertThat(overdue.get(0).getString("communicationsLead")).isEqualTo("cleo");

        // A new version moves the cadence: its own due time is what counts, not the missed one.
        publish("cleo", "comms-lead", incident, investigating("Logins fail for SSO users")).statusCode(201);
        timePasses(Duration.ofMinutes(12));
        Map<String, Object> resolved = new HashMap<>(Map.of("state", "RESOLVED", "impact", "Logins work again"));
        publish("cleo", "comms-lead", incident, resolved).statusCode(201).body("nextUpdateDueAt", org.hamcrest.Matchers.nullValue());
        timePasses(Duration.ofHours(5));
        assertThat(TestKafkaClient.readFor(TestRun.topic("comms"), Duration.ofSeconds(2)).stream()
                .filter(r -> incident.toString().equals(r.key()))
                .filter(r -> "io.firebreak.status.update_overdue.v1".equals(TestKafkaClient.header(r, "ce_type")))).hasSize(1);
    }

    @Test
    void aBadDraftIsRefusedFieldByFieldAndChangesNothing() {
        UUID incident = CommsFixtures.declared("P1");
        CommsFixtures.roleAssigned(incident, "COMMS_LEAD", "cy");
        // Checked once comms knows cy holds the role (the domain's rules come after the role check).
        await().atMost(WAIT).untilAsserted(() -> publish("cy", "comms-lead", incident, Map.of("state", "INVESTIGATING", "impact", " ",
                "nextUpdateDueAt", Instant.now().minusSeconds(60).toString(), "correctionOf", 3)).statusCode(400)
                .body("violations.field", contains("impact", "nextUpdateDueAt", "correctionOf")));
        publish("cy", "comms-lead", incident, Map.of("state", "ON_FIRE", "impact", "x")).statusCode(400).body("violations.field", contains("state"));
        publish("cy", "comms-lead", incident, Map.of("state", "INVESTIGATING", "impact", " ", "nextUpdateDueAt", "soon")).statusCode(400)
                .body("violations.field", contains("nextUpdateDueAt"));
        given().auth().oauth2(Tokens.as("vera", "viewer")).get(status(incident)).then().statusCode(200).body("versions", org.hamcrest.Matchers.empty());
    }

    @Test
    void aRestrictedIncidentIsNotFoundOutsideItsWarRoomAsResponseChangesIt() {
        UUID incident = CommsFixtures.declared("P1");
        CommsFixtures.restricted(incident, "carla");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as("vera", "viewer")).get(status(incident)).then().statusCode(404));
        UUID unknown = UUID.randomUUID();
        String hidden = given().auth().oauth2(Tokens.as("vera", "viewer")).get(status(incident)).then().extract().path("detail");
        String absent = given().auth().oauth2(Tokens.as("vera", "viewer")).get(status(unknown)).then().statusCode(404).extract().path("detail");
        assertThat(hidden.replace(incident.toString(), "ID")).isEqualTo(absent.replace(unknown.toString(), "ID"));
        given().auth().oauth2(Tokens.as("carla", "comms-lead")).get(status(incident)).then().statusCode(200);
        given().auth().oauth2(Tokens.as("aude", "auditor")).get(status(incident)).then().statusCode(200);
        given().auth().oauth2(Tokens.as("vera", "responder")).get("/api/v1/comms/incidents/" + incident + "/messages").then().statusCode(404);

        // The war room as response changes it: joins, removals, a page, the lifting.
        String now = Instant.now().toString();
        CommsFixtures.send("response", incident, "io.firebreak.warroom.member_added.v1", "{\"incidentId\":\"" + incident
                + "\",\"incidentKey\":\"INC-2026-1\",\"person\":\"vera\",\"kind\":\"OBSERVER\",\"by\":\"ivan\",\"at\":\"" + now
                + "\",\"drill\":false}");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as("vera", "viewer")).get(status(incident)).then().statusCode(200));
        CommsFixtures.send("response", incident, "io.firebreak.warroom.member_removed.v1", "{\"incidentId\":\"" + incident
                + "\",\"incidentKey\":\"INC-2026-1\",\"person\":\"vera\",\"kind\":\"OBSERVER\",\"by\":\"ivan\",\"at\":\"" + now
                + "\",\"drill\":false}");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as("vera", "viewer")).get(status(incident)).then().statusCode(404));
        CommsFixtures.send("response", incident, "io.firebreak.page.triggered.v1", "{\"incidentId\":\"" + incident
                + "\",\"incidentKey\":\"INC-2026-1\",\"pageId\":\"" + UUID.randomUUID() + "\",\"escalationId\":\"" + UUID.randomUUID()
                + "\",\"person\":\"pia\",\"level\":0,\"round\":0,\"priority\":\"P1\",\"drill\":false,\"declaredAt\":\"" + now
                + "\",\"triggeredAt\":\"" + now + "\"}");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as("pia", "responder")).get(status(incident)).then().statusCode(200));
        CommsFixtures.send("response", incident, "io.firebreak.warroom.restriction_lifted.v1", "{\"incidentId\":\"" + incident
                + "\",\"incidentKey\":\"INC-2026-1\",\"restricted\":false,\"reason\":\"contained\",\"by\":\"ivan\",\"at\":\"" + now
                + "\",\"members\":[\"carla\",\"pia\"],\"drill\":false}");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as("vera", "viewer")).get(status(incident)).then().statusCode(200));
    }
}
