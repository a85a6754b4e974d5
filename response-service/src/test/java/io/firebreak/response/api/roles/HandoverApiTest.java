package io.firebreak.response.api.roles;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.firebreak.response.api.paging.PagingFixtures;
import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestRun;
import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Handovers with acknowledged briefs, through the API on real PostgreSQL and Kafka. */
@QuarkusTest
class HandoverApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static String path(UUID incident) {
        return "/api/v1/response/incidents/" + incident;
    }

    private static JsonPath roles(UUID incident) {
        return given().auth().oauth2(Tokens.as("vera", "viewer")).get(path(incident) + "/roles").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> brief(String status) {
        return Map.of("currentStatus", status, "hypotheses", List.of("connection pool exhausted after the 14:02 deploy"),
                "actionsInFlight", List.of(Map.of("action", "roll back 14:02 deploy", "owner", "tess")),
                "nextDecisions", List.of(Map.of("decision", "fail over to eu-west if errors persist", "deadline", "2026-12-01T16:00:00Z")),
                "risks", List.of("failover doubles latency"), "openQuestions", List.of("why did the canary pass?"));
    }

    private static ValidatableResponse offer(String user, String role, UUID incident, String assignment, String to, Object brief) {
        return given().auth().oauth2(Tokens.as(user, role)).contentType(ContentType.JSON)
                .body(Map.of("assignmentId", assignment, "to", to, "brief", brief)).post(path(incident) + "/handovers").then();
    }

    private static ValidatableResponse acknowledge(String user, UUID incident, String handover, int version) {
        return given().auth().oauth2(Tokens.as(user, "responder")).contentType(ContentType.JSON).body(Map.of("briefVersion", version))
                .post(path(incident) + "/handovers/" + handover + "/acknowledgement").then();
    }

    /** A P3 incident whose command the admin gave to a qualified person, who accepted it. */
    private static String[] commandedIncident(UUID incident, String commander) {
        String owner = PagingFixtures.unique("owner");
        PagingFixtures.declare(incident, PagingFixtures.key(), PagingFixtures.serviceEscalatingTo(owner), "P3", List.of());
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as("vera", "viewer")).get(path(incident)).then().statusCode(200));
        PagingFixtures.qualify(commander, "INCIDENT_COMMANDER");
        String assignment = given().auth().oauth2(Tokens.as("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("role", "INCIDENT_COMMANDER", "person", commander)).post(path(incident) + "/roles")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.as(commander, "incident-commander")).post(path(incident) + "/roles/" + assignment + "/acceptance")
                .then().statusCode(200);
        return new String[] {assignment};
    }

    @Test
    void theRoleMovesOnlyWhenTheIncomingPersonAcknowledgesTheBriefVersionTheyRead() {
        UUID incident = UUID.randomUUID();
        String olga = PagingFixtures.unique("olga");
        String ian = PagingFixtures.unique("ian");
        String held = commandedIncident(incident, olga)[0];

        JsonPath draft = given().auth().oauth2(Tokens.as(olga, "incident-commander")).queryParam("assignment", held)
                .get(path(incident) + "/handovers/draft").then().statusCode(200).extract().jsonPath();
        assertThat(draft.getString("currentStatus")).startsWith("DECLARED since ");
        assertThat(draft.getList("readIn", String.class)).anySatisfy(line -> assertThat(line).startsWith("Role INCIDENT_COMMANDER: " + olga + " since"));
        assertThat(draft.getList("readIn", String.class).get(0)).contains("(P3)");

        offer(olga, "incident-commander", incident, held, ian, brief("rolling back")).statusCode(422)
                .body("type", org.hamcrest.Matchers.endsWith("unqualified"));
        PagingFixtures.qualify(ian, "INCIDENT_COMMANDER");
        offer("rita", "responder", incident, held, ian, brief("rolling back")).statusCode(403);
        offer(olga, "incident-commander", incident, held, ian, Map.of("currentStatus", " ", "actionsInFlight", List.of(Map.of("action", "x"))))
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("brief.currentStatus", "brief.actionsInFlight[0].owner"));
        String handover = offer(olga, "incident-commander", incident, held, ian, brief("rolling back")).statusCode(201)
                .body("status", equalTo("OFFERED")).body("briefVersion", equalTo(1)).extract().path("id");
        offer(olga, "incident-commander", incident, held, ian, brief("again")).statusCode(409);

        // Offered is not handed over: command stays with olga, and she still directs the roles.
        assertThat(roles(incident).getString("find { it.id == '" + held + "' }.status")).isEqualTo("ACCEPTED");
        given().auth().oauth2(Tokens.as(olga, "incident-commander")).contentType(ContentType.JSON)
                .body(Map.of("role", "SCRIBE", "person", "sid")).post(path(incident) + "/roles").then().statusCode(201);

        given().auth().oauth2(Tokens.as(olga, "incident-commander")).contentType(ContentType.JSON)
                .body(Map.of("brief", brief("rolled back; watching error rate"))).put(path(incident) + "/handovers/" + handover + "/brief")
                .then().statusCode(200).body("briefVersion", equalTo(2));
        acknowledge(ian, incident, handover, 1).statusCode(409).contentType("application/problem+json");
        acknowledge("rita", incident, handover, 2).statusCode(403);
        assertThat(roles(incident).getString("find { it.id == '" + held + "' }.status")).as("no acknowledgement, no move").isEqualTo("ACCEPTED");

        acknowledge(ian, incident, handover, 2).statusCode(200).body("status", equalTo("COMPLETED"));
        JsonPath after = roles(incident);
        assertThat(after.getString("find { it.id == '" + held + "' }.status")).isEqualTo("RELEASED");
        assertThat(after.getString("find { it.id == '" + held + "' }.endReason")).isEqualTo("handed over to " + ian);
        assertThat(after.getString("find { it.role == 'INCIDENT_COMMANDER' && it.person == '" + ian + "' }.status")).isEqualTo("ACCEPTED");
        assertThat(after.getString("find { it.role == 'INCIDENT_COMMANDER' && it.person == '" + ian + "' }.source")).isEqualTo("HANDOVER");
        given().auth().oauth2(Tokens.as(olga, "incident-commander")).contentType(ContentType.JSON)
                .body(Map.of("role", "SCRIBE", "person", "sal")).post(path(incident) + "/roles").then().statusCode(403);
        acknowledge(ian, incident, handover, 2).statusCode(409);

        java.util.function.Function<List<ConsumerRecord<String, byte[]>>, List<ConsumerRecord<String, byte[]>>> mine =
                records -> records.stream().filter(r -> incident.toString().equals(r.key()))
                        .filter(r -> "io.firebreak.role.handed_over.v1".equals(TestKafkaClient.header(r, "ce_type"))).toList();
        List<ConsumerRecord<String, byte[]>> handed = mine.apply(TestKafkaClient.readUntil(TestRun.topic("response"),
                records -> !mine.apply(records).isEmpty(), WAIT));
        JsonPath event = JsonPath.from(new String(handed.get(0).value(), StandardCharsets.UTF_8));
        assertThat(event.getString("fromPerson")).isEqualTo(olga);
        assertThat(event.getString("toPerson")).isEqualTo(ian);
        assertThat(event.getInt("briefVersion")).isEqualTo(2);
        assertThat(event.getString("role")).isEqualTo("INCIDENT_COMMANDER");
    }

    @Test
    void aCancelledHandoverLeavesTheRoleWhereItWas() {
        UUID incident = UUID.randomUUID();
        String olga = PagingFixtures.unique("olga");
        String ivy = PagingFixtures.unique("ivy");
        String held = commandedIncident(incident, olga)[0];
        PagingFixtures.qualify(ivy, "INCIDENT_COMMANDER");
        String handover = offer(olga, "incident-commander", incident, held, ivy, brief("stable")).statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.as(olga, "incident-commander")).post(path(incident) + "/handovers/" + handover + "/cancellation")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        acknowledge(ivy, incident, handover, 1).statusCode(409);
        assertThat(roles(incident).getString("find { it.id == '" + held + "' }.status")).isEqualTo("ACCEPTED");
        given().auth().oauth2(Tokens.as("vera", "viewer")).get(path(incident) + "/handovers").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.contains("CANCELLED"));
    }

    private static String scribe(String commander, UUID incident, String person, boolean accept) {
        String id = given().auth().oauth2(Tokens.as(commander, "incident-commander")).contentType(ContentType.JSON)
                .body(Map.of("role", "SCRIBE", "person", person)).post(path(incident) + "/roles").then().statusCode(201).extract().path("id");
        if (accept) {
            given().auth().oauth2(Tokens.as(person, "responder")).post(path(incident) + "/roles/" + id + "/acceptance").then().statusCode(200);
        }
        return id;
    }

    @Test
    void nobodyIsHandedARoleTheyAlreadyHoldOrWereProposedFor() {
        UUID incident = UUID.randomUUID();
        String olga = PagingFixtures.unique("olga");
        commandedIncident(incident, olga);
        String sid = PagingFixtures.unique("sid");
        String sal = PagingFixtures.unique("sal");
        String sue = PagingFixtures.unique("sue");
        String sids = scribe(olga, incident, sid, true);
        scribe(olga, incident, sal, true);

        offer(sid, "responder", incident, sids, sal, brief("notes up to date")).statusCode(409).contentType("application/problem+json");

        // Offered to sue, who is then proposed as a scribe herself: taking sid's place too is refused, sid keeps it.
        String handover = offer(sid, "responder", incident, sids, sue, brief("notes up to date")).statusCode(201).extract().path("id");
        scribe(olga, incident, sue, false);
        acknowledge(sue, incident, handover, 1).statusCode(409).contentType("application/problem+json");
        assertThat(roles(incident).getString("find { it.id == '" + sids + "' }.status")).isEqualTo("ACCEPTED");
    }
}
