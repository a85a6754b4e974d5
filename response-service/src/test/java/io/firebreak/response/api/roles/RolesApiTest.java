package io.firebreak.response.api.roles;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.firebreak.response.api.paging.PagingFixtures;
import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestPostgres;
import io.firebreak.testing.TestRun;
import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Incident roles through the API on real PostgreSQL and Kafka: from the rotations, by the commander, with acceptance. */
@QuarkusTest
class RolesApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static JsonPath roles(UUID incident) {
        return given().auth().oauth2(Tokens.as("vera", "viewer")).get("/api/v1/response/incidents/" + incident + "/roles")
                .then().statusCode(200).extract().jsonPath();
    }

    private static ValidatableResponse assign(String user, String role, UUID incident, String incidentRole, String person, String why) {
        Map<String, Object> body = new HashMap<>(Map.of("role", incidentRole, "person", person));
        if (why != null) {
            body.put("justification", why);
        }
        return given().auth().oauth2(Tokens.as(user, role)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/response/incidents/" + incident + "/roles").then();
    }

    private static ValidatableResponse accept(String user, UUID incident, String assignment) {
        return given().auth().oauth2(Tokens.as(user, "responder"))
                .post("/api/v1/response/incidents/" + incident + "/roles/" + assignment + "/acceptance").then();
    }

    private static ValidatableResponse release(String user, String role, UUID incident, String assignment, String reason) {
        return given().auth().oauth2(Tokens.as(user, role)).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .post("/api/v1/response/incidents/" + incident + "/roles/" + assignment + "/release").then();
    }

    private static String idOf(JsonPath roles, String role, String person) {
        return roles.getString("find { it.role == '" + role + "' && it.person == '" + person + "' }.id");
    }

    private static List<ConsumerRecord<String, byte[]>> roleEvents(UUID incident, String type, int count) {
        java.util.function.Function<List<ConsumerRecord<String, byte[]>>, List<ConsumerRecord<String, byte[]>>> mine =
                records -> records.stream().filter(r -> incident.toString().equals(r.key()))
                        .filter(r -> type.equals(TestKafkaClient.header(r, "ce_type"))).toList();
        return mine.apply(TestKafkaClient.readUntil(TestRun.topic("response"), records -> mine.apply(records).size() >= count, WAIT));
    }

    private static JsonPath data(ConsumerRecord<String, byte[]> r) {
        return JsonPath.from(new String(r.value(), StandardCharsets.UTF_8));
    }

    private static UUID declared(String service, String priority) {
        UUID incident = UUID.randomUUID();
        PagingFixtures.declare(incident, PagingFixtures.key(), service, priority, List.of());
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as("vera", "viewer"))
                .get("/api/v1/response/incidents/" + incident).then().statusCode(200));
        return incident;
    }

    @Test
    void aP1GetsItsThreeRolesFromTheRotationsAndEachIsHeldOnlyOnceAccepted() {
        String ic = PagingFixtures.unique("ic");
        String comms = PagingFixtures.unique("comms");
        String tech = PagingFixtures.unique("tech");
        UUID incident = declared(PagingFixtures.serviceWithRoleRotations(ic, comms, tech), "P1");

        await().atMost(WAIT).untilAsserted(() -> assertThat(roles(incident).getList("role")).hasSize(3));
        JsonPath proposed = roles(incident);
        assertThat(proposed.getList("status")).containsOnly("PROPOSED");
        assertThat(proposed.getList("source")).containsOnly("ROTATION");
        assertThat(proposed.getList("pagedAt")).doesNotContainNull();
        assertThat(proposed.getList("person")).containsExactlyInAnyOrder(ic, comms, tech);

        String icRole = idOf(proposed, "INCIDENT_COMMANDER", ic);
        accept("rita", incident, icRole).statusCode(403).contentType("application/problem+json");
        accept(ic, incident, icRole).statusCode(200).body("status", equalTo("ACCEPTED")).body("acceptanceSeconds", notNullValue());
        accept(ic, incident, icRole).statusCode(409);
        accept(comms, incident, idOf(proposed, "COMMS_LEAD", comms)).statusCode(200);
        accept(tech, incident, idOf(proposed, "TECH_LEAD", tech)).statusCode(200);

        List<ConsumerRecord<String, byte[]>> assigned = roleEvents(incident, "io.firebreak.role.assigned.v1", 3);
        assertThat(assigned).hasSize(3);
        JsonPath first = data(assigned.get(0));
        assertThat(first.getString("role")).isEqualTo("INCIDENT_COMMANDER");
        assertThat(first.getString("person")).isEqualTo(ic);
        assertThat(first.getString("source")).isEqualTo("ROTATION");
        assertThat(Instant.parse(first.getString("acceptedAt"))).isAfterOrEqualTo(Instant.parse(first.getString("pagedAt")));
        assertThat(first.getString("pagedAt")).isEqualTo(roles(incident).getString("find { it.id == '" + icRole + "' }.pagedAt"));

        // A held commander role is not let go while the incident runs: it is handed over.
        release(ic, "responder", incident, icRole, "going home").statusCode(409);
    }

    @Test
    void theCommanderDirectsTheRolesAndOnlyAnAdminPutsAnUnqualifiedPersonIntoOne() throws Exception {
        String owner = PagingFixtures.unique("owner");
        UUID incident = declared(PagingFixtures.serviceEscalatingTo(owner), "P3");
        String olga = PagingFixtures.unique("olga");

        assign("rita", "responder", incident, "SCRIBE", "rita", null).statusCode(403);
        assign(olga, "incident-commander", incident, "INCIDENT_COMMANDER", olga, null).statusCode(422)
                .contentType("application/problem+json").body("type", org.hamcrest.Matchers.endsWith("unqualified"));
        assign(olga, "incident-commander", incident, "INCIDENT_COMMANDER", olga, "I ran the last three").statusCode(422);
        assign("ada", "admin", incident, "INCIDENT_COMMANDER", olga, null).statusCode(422);
        String command = assign("ada", "admin", incident, "INCIDENT_COMMANDER", olga, "the only one awake who knows the system")
                .statusCode(201).body("status", equalTo("PROPOSED")).body("overrideBy", equalTo("ada"))
                .extract().path("id");
        try (Connection c = TestPostgres.connect(); PreparedStatement s = c.prepareStatement(
                "select count(*) from response.audit_record where chain = 'role-overrides' and content ->> 'assignmentId' = ?")) {
            s.setString(1, command);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).as("the override is in the audit chain").isEqualTo(1);
            }
        }
        accept(olga, incident, command).statusCode(200);

        // Once somebody holds command, other incident commanders no longer direct this incident's roles.
        assign("ian", "incident-commander", incident, "SUBJECT_MATTER_EXPERT", "sam", null).statusCode(403);
        String sam = assign(olga, "incident-commander", incident, "SUBJECT_MATTER_EXPERT", "sam", null).statusCode(201).extract().path("id");
        assign(olga, "incident-commander", incident, "SUBJECT_MATTER_EXPERT", "sue", null).statusCode(201);
        assign(olga, "incident-commander", incident, "SUBJECT_MATTER_EXPERT", "sam", null).statusCode(409);
        accept("sam", incident, sam).statusCode(200);
        release("sam", "responder", incident, sam, "question answered").statusCode(200).body("status", equalTo("RELEASED"));
        JsonPath released = data(roleEvents(incident, "io.firebreak.role.released.v1", 1).get(0));
        assertThat(released.getString("person")).isEqualTo("sam");
        assertThat(released.getString("reason")).isEqualTo("question answered");
        assertThat(released.getString("heldFrom")).isNotNull();

        // A proposal nobody accepted yet gives way to the commander's next choice; a held single role does not.
        String carl = PagingFixtures.unique("carl");
        String cleo = PagingFixtures.unique("cleo");
        PagingFixtures.qualify(carl, "COMMS_LEAD");
        PagingFixtures.qualify(cleo, "COMMS_LEAD");
        String first = assign(olga, "incident-commander", incident, "COMMS_LEAD", carl, null).statusCode(201).extract().path("id");
        String second = assign(olga, "incident-commander", incident, "COMMS_LEAD", cleo, null).statusCode(201).extract().path("id");
        JsonPath now = roles(incident);
        assertThat(now.getString("find { it.id == '" + first + "' }.status")).isEqualTo("WITHDRAWN");
        accept(carl, incident, first).statusCode(409);
        accept(cleo, incident, second).statusCode(200);
        assign(olga, "incident-commander", incident, "COMMS_LEAD", carl, null).statusCode(409);
    }

    @Test
    void badRequestsAreProblemsAndUnknownIncidentsAreNotFound() {
        UUID unknown = UUID.randomUUID();
        assign("ada", "admin", unknown, "SCRIBE", "sam", null).statusCode(404).contentType("application/problem+json");
        assign("ada", "admin", unknown, "JESTER", " ", null).statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("role", "person"));
        accept("sam", unknown, UUID.randomUUID().toString()).statusCode(404);
        given().auth().oauth2(Tokens.as("vera", "viewer")).get("/api/v1/response/incidents/" + unknown + "/roles").then().statusCode(404);
    }
}
