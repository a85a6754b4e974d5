package io.firebreak.response.api.triage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.firebreak.response.api.paging.PagingFixtures;
import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestRun;
import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The triage log through the API on real PostgreSQL and Kafka. */
@QuarkusTest
class TriageApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static RequestSpecification as(String user, String role) {
        return given().auth().oauth2(Tokens.as(user, role)).contentType(ContentType.JSON);
    }

    private static String triage(UUID incident) {
        return "/api/v1/response/incidents/" + incident + "/triage";
    }

    private static UUID incident(String[] serviceOut) {
        String owner = PagingFixtures.unique("owner");
        String service = PagingFixtures.serviceEscalatingTo(owner);
        serviceOut[0] = service;
        UUID incident = UUID.randomUUID();
        PagingFixtures.declare(incident, PagingFixtures.key(), service, "P2", List.of());
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as("vera", "viewer"))
                .get("/api/v1/response/incidents/" + incident).then().statusCode(200));
        return incident;
    }

    private static List<JsonPath> events(UUID incident, String type, int count) {
        java.util.function.Function<List<ConsumerRecord<String, byte[]>>, List<ConsumerRecord<String, byte[]>>> mine =
                records -> records.stream().filter(r -> incident.toString().equals(r.key()))
                        .filter(r -> type.equals(TestKafkaClient.header(r, "ce_type"))).toList();
        return mine.apply(TestKafkaClient.readUntil(TestRun.topic("response"), records -> mine.apply(records).size() >= count, WAIT))
                .stream().map(r -> JsonPath.from(new String(r.value(), StandardCharsets.UTF_8))).toList();
    }

    @Test
    void aHypothesisIsConfirmedWithAReasonKeepsItsHistoryAndAFindingInACatalogComponentIsPublished() {
        String[] service = new String[1];
        UUID incident = incident(service);

        String hypothesis = as("tess", "tech-lead").body(Map.of("statement", "pool exhausted after the 14:02 deploy",
                        "evidence", List.of("https://grafana.example/d/db-pool")))
                .post(triage(incident) + "/hypotheses").then().statusCode(201).body("status", equalTo("OPEN")).body("recordedBy", equalTo("tess"))
                .extract().path("id");
        as("tess", "tech-lead").body(Map.of("check", "select count(*) from pg_stat_activity", "kind", "QUERY",
                "result", "498 of 500 connections busy")).post(triage(incident) + "/diagnostics").then().statusCode(201)
                .body("kind", equalTo("DIAGNOSTIC")).body("checkKind", equalTo("QUERY"));

        // A finding may only cite a confirmed hypothesis.
        as("tess", "tech-lead").body(Map.of("statement", "pool too small", "component", service[0], "hypothesisId", hypothesis))
                .post(triage(incident) + "/findings").then().statusCode(422).body("type", endsWith("hypothesis-not-confirmed"));

        as("tess", "tech-lead").body(Map.of("status", "CONFIRMED")).patch(triage(incident) + "/hypotheses/" + hypothesis)
                .then().statusCode(400).body("violations.field", contains("reason"));
        as("tess", "tech-lead").header("If-Match", "7").body(Map.of("status", "CONFIRMED", "reason", "pool metrics"))
                .patch(triage(incident) + "/hypotheses/" + hypothesis).then().statusCode(409);
        as("rita", "responder").header("If-Match", "0").body(Map.of("status", "CONFIRMED", "reason", "498/500 busy, errors stop when pool grows"))
                .patch(triage(incident) + "/hypotheses/" + hypothesis).then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("updatedBy", equalTo("rita")).body("recordedBy", equalTo("tess"));

        given().auth().oauth2(Tokens.as("vera", "viewer")).get(triage(incident) + "/" + hypothesis + "/history").then().statusCode(200)
                .body("revision", contains(1, 2)).body("changedBy", contains("tess", "rita"))
                .body("reason", contains(null, "498/500 busy, errors stop when pool grows"));

        as("tess", "tech-lead").body(Map.of("statement", "pool too small", "component", "no-such-service-" + UUID.randomUUID()))
                .post(triage(incident) + "/findings").then().statusCode(422).body("type", endsWith("unknown-component"));
        String finding = as("tess", "tech-lead").body(Map.of("statement", "connection pool sized for last year's traffic",
                        "component", service[0], "hypothesisId", hypothesis, "evidence", List.of("https://grafana.example/d/db-pool")))
                .post(triage(incident) + "/findings").then().statusCode(201).extract().path("id");

        given().auth().oauth2(Tokens.as("vera", "viewer")).get(triage(incident)).then().statusCode(200)
                .body("kind", contains("HYPOTHESIS", "DIAGNOSTIC", "FINDING"));
        given().auth().oauth2(Tokens.as("vera", "viewer")).queryParam("kind", "FINDING").get(triage(incident)).then().statusCode(200)
                .body("id", contains(finding));

        List<JsonPath> changes = events(incident, "io.firebreak.triage.hypothesis_changed.v1", 2);
        assertThat(changes).extracting(e -> e.getString("status")).containsExactly("OPEN", "CONFIRMED");
        assertThat(changes.get(1).getString("previousStatus")).isEqualTo("OPEN");
        assertThat(changes.get(1).getInt("revision")).isEqualTo(2);
        JsonPath recorded = events(incident, "io.firebreak.triage.finding_recorded.v1", 1).get(0);
        assertThat(recorded.getString("findingId")).isEqualTo(finding);
        assertThat(recorded.getString("component")).isEqualTo(service[0]);
        assertThat(recorded.getString("hypothesisId")).isEqualTo(hypothesis);
        assertThat(recorded.getString("priority")).isEqualTo("P2");
    }

    @Test
    void badEntriesAreRefusedFieldByFieldAndAClosedIncidentsLogIsFinal() {
        String[] service = new String[1];
        UUID incident = incident(service);
        as("tess", "tech-lead").body(Map.of("statement", " ", "evidence", List.of("javascript:alert(1)", "https://ok.example/x")))
                .post(triage(incident) + "/hypotheses").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("statement", "evidence[0]"));
        as("tess", "tech-lead").body(Map.of("check", "kubectl get pods", "kind", "GUESS", "result", "all running"))
                .post(triage(incident) + "/diagnostics").then().statusCode(400).body("violations.field", contains("kind"));
        as("tess", "tech-lead").body(Map.of("kind", "COMMAND")).post(triage(incident) + "/diagnostics").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("check", "result"));
        given().auth().oauth2(Tokens.as("vera", "viewer")).get(triage(incident)).then().statusCode(200).body("size()", equalTo(0));

        as("rita", "responder").body(Map.of("action", "ACKNOWLEDGE")).post("/api/v1/response/incidents/" + incident + "/transitions")
                .then().statusCode(200);
        as("rita", "responder").body(Map.of("action", "RESOLVE", "resolutionSummary", "pods restarted"))
                .post("/api/v1/response/incidents/" + incident + "/transitions").then().statusCode(200);
        as("olga", "incident-commander").body(Map.of("action", "CLOSE", "postmortem", Map.of("decision", "REQUIRED")))
                .post("/api/v1/response/incidents/" + incident + "/transitions").then().statusCode(200);
        as("tess", "tech-lead").body(Map.of("statement", "too late")).post(triage(incident) + "/hypotheses").then().statusCode(409);
    }
}
