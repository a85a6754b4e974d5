package io.firebreak.response.api.drill;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.firebreak.response.api.paging.PagingFixtures;
import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestRun;
import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A drill end to end on real PostgreSQL and Kafka: paged and run as a drill, measured per role, feeding readiness. */
@QuarkusTest
class DrillReadinessTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static String path(UUID incident) {
        return "/api/v1/response/incidents/" + incident;
    }

    private static JsonPath get(String user, String role, String path) {
        return given().auth().oauth2(Tokens.as(user, role)).get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aDrillProducesReadinessRecordsPerRoleAndNothingThatCountsAsReal() {
        String ic = PagingFixtures.unique("ic");
        String comms = PagingFixtures.unique("comms");
        String tech = PagingFixtures.unique("tech");
        String lapsing = PagingFixtures.unique("lapsing");
        PagingFixtures.TeamService owner = PagingFixtures.roleRotations(ic, comms, tech, lapsing);
        given().auth().oauth2(Tokens.as("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("role", "COMMS_LEAD", "trainedOn", "2026-01-01", "validFrom", Instant.now().minus(Duration.ofDays(30)).toString(),
                        "validUntil", Instant.now().plus(Duration.ofDays(10)).toString(), "evidence", "course"))
                .post("/api/v1/response/people/" + lapsing + "/qualifications").then().statusCode(201);

        UUID incident = UUID.randomUUID();
        PagingFixtures.declare(incident, PagingFixtures.key(), owner.service(), "P1", List.of(), true);
        await().atMost(WAIT).untilAsserted(() -> assertThat(get("vera", "viewer", path(incident) + "/roles").getList("role")).hasSize(3));
        JsonPath roles = get("vera", "viewer", path(incident) + "/roles");

        given().auth().oauth2(Tokens.as("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("scenario", "Primary database fails over during peak checkout",
                        "participants", List.of(Map.of("person", ic, "role", "INCIDENT_COMMANDER"), Map.of("person", "sam", "role", "SCRIBE"))))
                .put(path(incident) + "/drill").then().statusCode(200).body("scenario", equalTo("Primary database fails over during peak checkout"))
                .body("readiness", org.hamcrest.Matchers.empty());

        // The commander acknowledges the page and takes command; the comms lead accepts without acknowledging; tech never answers.
        given().auth().oauth2(Tokens.as(ic, "incident-commander")).post(path(incident) + "/acknowledgement").then().statusCode(200);
        for (String[] who : new String[][] {{ic, "INCIDENT_COMMANDER"}, {comms, "COMMS_LEAD"}}) {
            String id = roles.getString("find { it.role == '" + who[1] + "' && it.person == '" + who[0] + "' }.id");
            given().auth().oauth2(Tokens.as(who[0], "responder")).post(path(incident) + "/roles/" + id + "/acceptance").then().statusCode(200);
        }
        JsonPath checklist = get("vera", "viewer", path(incident) + "/checklist");
        List<String> commanderItems = checklist.getList("findAll { it.role == 'INCIDENT_COMMANDER' }.id");
        given().auth().oauth2(Tokens.as(ic, "incident-commander")).post(path(incident) + "/checklist/" + commanderItems.get(0) + "/completion")
                .then().statusCode(200);

        given().auth().oauth2(Tokens.as(ic, "incident-commander")).contentType(ContentType.JSON).body(Map.of("action", "MITIGATE"))
                .post(path(incident) + "/transitions").then().statusCode(200);
        given().auth().oauth2(Tokens.as(ic, "incident-commander")).contentType(ContentType.JSON)
                .body(Map.of("action", "RESOLVE", "resolutionSummary", "Failed back to the primary"))
                .post(path(incident) + "/transitions").then().statusCode(200);

        JsonPath drill = get("vera", "viewer", path(incident) + "/drill");
        assertThat(drill.getList("readiness.person")).containsExactlyInAnyOrder(ic, comms, tech, "sam");
        String commander = "readiness.find { it.person == '" + ic + "' }";
        assertThat(drill.getBoolean(commander + ".tookPart")).isTrue();
        assertThat(drill.getLong(commander + ".secondsToAcknowledge")).isNotNull().isGreaterThanOrEqualTo(0);
        assertThat(drill.getLong(commander + ".secondsToAccept")).isNotNull().isGreaterThanOrEqualTo(0);
        assertThat(drill.getInt(commander + ".checklistDone")).isEqualTo(1);
        assertThat(drill.getInt(commander + ".checklistTotal")).isEqualTo(commanderItems.size());
        assertThat(drill.getBoolean("readiness.find { it.person == '" + comms + "' }.tookPart")).isTrue();
        assertThat(drill.getString("readiness.find { it.person == '" + comms + "' }.secondsToAcknowledge")).isNull();
        assertThat(drill.getBoolean("readiness.find { it.person == '" + tech + "' }.tookPart")).isFalse();
        assertThat(drill.getBoolean("readiness.find { it.person == 'sam' }.tookPart")).isFalse();

        // Every event of the drill that says whether it is a drill says so: nothing of it counts in real metrics.
        java.util.function.Function<List<ConsumerRecord<String, byte[]>>, List<ConsumerRecord<String, byte[]>>> mine =
                records -> records.stream().filter(r -> incident.toString().equals(r.key())).toList();
        List<ConsumerRecord<String, byte[]>> events = mine.apply(TestKafkaClient.readUntil(TestRun.topic("response"), records -> mine.apply(records)
                .stream().filter(r -> "io.firebreak.readiness.recorded.v1".equals(TestKafkaClient.header(r, "ce_type"))).count() == 4, WAIT));
        List<String> types = events.stream().map(r -> TestKafkaClient.header(r, "ce_type")).toList();
        assertThat(types).contains("io.firebreak.page.triggered.v1", "io.firebreak.response.acknowledged.v1", "io.firebreak.role.assigned.v1",
                "io.firebreak.response.resolved.v1", "io.firebreak.drill.defined.v1");
        long flagged = 0;
        for (ConsumerRecord<String, byte[]> r : events) {
            JsonPath data = JsonPath.from(new String(r.value(), StandardCharsets.UTF_8));
            if (data.get("drill") != null) {
                assertThat(data.getBoolean("drill")).as("drill flag of %s", TestKafkaClient.header(r, "ce_type")).isTrue();
                flagged++;
            }
        }
        assertThat(flagged).isGreaterThanOrEqualTo(types.stream().filter(t -> t.startsWith("io.firebreak.response.")
                || t.startsWith("io.firebreak.page.") || t.startsWith("io.firebreak.readiness.")).count());

        // Readiness of the team: tech never took part (qualified since 2025: overdue), the lapsing qualification is flagged;
        // the commander and the comms lead drilled just now.
        JsonPath attention = get("mona", "viewer", "/api/v1/response/readiness?team=" + owner.team());
        List<Map<String, Object>> entries = attention.getList("[0].entries");
        assertThat(entries).extracting(e -> e.get("person") + "/" + e.get("role"))
                .containsExactlyInAnyOrder(tech + "/TECH_LEAD", lapsing + "/COMMS_LEAD");
        assertThat(attention.getBoolean("[0].entries.find { it.person == '" + tech + "' }.standing.drillOverdue")).isTrue();
        assertThat(attention.getBoolean("[0].entries.find { it.person == '" + lapsing + "' }.standing.qualificationLapsesSoon")).isTrue();
        JsonPath everyone = get(ic, "viewer", "/api/v1/response/readiness?all=true&team=" + owner.team());
        String lastDrill = everyone.getString("[0].entries.find { it.person == '" + ic + "' }.standing.lastDrillAt");
        assertThat(Instant.parse(lastDrill)).isAfter(Instant.now().minus(Duration.ofMinutes(5)));
        given().auth().oauth2(Tokens.as("vera", "viewer")).get("/api/v1/response/readiness?team=" + owner.team()).then().statusCode(403);

        // Individual records: the person, the team's manager; not another viewer.
        assertThat(get(ic, "viewer", "/api/v1/response/people/" + ic + "/readiness").getList("incidentId")).containsExactly(incident.toString());
        assertThat(get("mona", "viewer", "/api/v1/response/people/" + tech + "/readiness").getList("tookPart")).containsExactly(false);
        given().auth().oauth2(Tokens.as("vera", "viewer")).get("/api/v1/response/people/" + ic + "/readiness").then().statusCode(403);

        // The scenario is history once resolved.
        given().auth().oauth2(Tokens.as("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("scenario", "changed", "participants", List.of(Map.of("person", ic, "role", "INCIDENT_COMMANDER"))))
                .put(path(incident) + "/drill").then().statusCode(409);
    }

    @Test
    void aRealIncidentHasNoDrillAndABadScenarioIsRefusedFieldByField() {
        String ic = PagingFixtures.unique("ic");
        PagingFixtures.TeamService owner = PagingFixtures.roleRotations(ic, PagingFixtures.unique("comms"), PagingFixtures.unique("tech"));
        UUID real = UUID.randomUUID();
        PagingFixtures.declare(real, PagingFixtures.key(), owner.service(), "P3", List.of());
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as("vera", "viewer")).get(path(real)).then().statusCode(200));
        given().auth().oauth2(Tokens.as("vera", "viewer")).get(path(real) + "/drill").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.as("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("scenario", "x", "participants", List.of(Map.of("person", ic, "role", "INCIDENT_COMMANDER"))))
                .put(path(real) + "/drill").then().statusCode(404);

        UUID drill = UUID.randomUUID();
        PagingFixtures.declare(drill, PagingFixtures.key(), owner.service(), "P3", List.of(), true);
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as("vera", "viewer")).get(path(drill)).then().statusCode(200));
        given().auth().oauth2(Tokens.as("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("scenario", " ", "participants", List.of(Map.of("person", ic, "role", "JUGGLER"), Map.of("person", "", "role", "SCRIBE"))))
                .put(path(drill) + "/drill").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("scenario", "participants[0].role", "participants[1].person"));
        given().auth().oauth2(Tokens.as("ada", "admin")).contentType(ContentType.JSON).body(Map.of("scenario", "s"))
                .put(path(drill) + "/drill").then().statusCode(400).body("violations.field", org.hamcrest.Matchers.contains("participants"));
        given().auth().oauth2(Tokens.as("vera", "viewer")).get(path(drill) + "/drill").then().statusCode(200)
                .body("scenario", org.hamcrest.Matchers.nullValue());
    }
}
