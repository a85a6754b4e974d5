package io.firebreak.response.api.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The response lifecycle through the API, on real PostgreSQL and Kafka, from the declared event to closure and reopening. */
@QuarkusTest
class LifecycleApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static ValidatableResponse transition(String user, String role, UUID incident, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.as(user, role)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/response/incidents/" + incident + "/transitions").then();
    }

    private static JsonPath record(UUID incident) {
        return given().auth().oauth2(Tokens.as("vera", "viewer")).get("/api/v1/response/incidents/" + incident)
                .then().statusCode(200).extract().jsonPath();
    }

    private static UUID declared(String service, String priority, boolean drill) {
        UUID incident = UUID.randomUUID();
        PagingFixtures.declare(incident, PagingFixtures.key(), service, priority, List.of(), drill);
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as("vera", "viewer"))
                .get("/api/v1/response/incidents/" + incident).then().statusCode(200));
        return incident;
    }

    /** The incident's lifecycle events on the response topic, read until every wanted type is there. */
    private static List<ConsumerRecord<String, byte[]>> lifecycleEvents(UUID incident, List<String> wanted) {
        java.util.function.Function<List<ConsumerRecord<String, byte[]>>, List<ConsumerRecord<String, byte[]>>> mine =
                records -> records.stream().filter(r -> incident.toString().equals(r.key()))
                        .filter(r -> TestKafkaClient.header(r, "ce_type").startsWith("io.firebreak.response.")).toList();
        return mine.apply(TestKafkaClient.readUntil(TestRun.topic("response"), records -> mine.apply(records).stream()
                .map(r -> TestKafkaClient.header(r, "ce_type")).toList().containsAll(wanted), WAIT));
    }

    private static JsonPath data(ConsumerRecord<String, byte[]> r) {
        return JsonPath.from(new String(r.value(), StandardCharsets.UTF_8));
    }

    @Test
    void aP1GoesFromDeclaredToClosedAndEveryStepIsKeptAndPublishedWithTheMomentsMetricsNeed() {
        String ivan = PagingFixtures.unique("ivan");
        String service = PagingFixtures.serviceEscalatingTo(ivan);
        UUID incident = declared(service, "P1", false);
        JsonPath fresh = record(incident);
        assertThat(fresh.getString("status")).isEqualTo("DECLARED");
        assertThat(fresh.getList("allowedActions")).containsExactly("ACKNOWLEDGE");
        assertThat(fresh.getBoolean("postmortem.mandatory")).isTrue();

        // Nothing can be mitigated before somebody has acknowledged it.
        transition("rita", "responder", incident, Map.of("action", "MITIGATE")).statusCode(409)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("ACKNOWLEDGE"));

        // The paged person acknowledges through paging: the response follows in the same transaction.
        given().auth().oauth2(Tokens.as(ivan, "responder")).post("/api/v1/response/incidents/" + incident + "/acknowledgement")
                .then().statusCode(200).body("first", equalTo(true));
        assertThat(record(incident).getString("status")).isEqualTo("ACKNOWLEDGED");
        assertThat(record(incident).getString("acknowledgedBy")).isEqualTo(ivan);

        transition("rita", "responder", incident, Map.of("action", "MITIGATE", "note", "traffic moved to eu-west"))
                .statusCode(200).body("status", equalTo("MITIGATED")).body("allowedActions", contains("RESOLVE", "REOPEN"));
        transition("rita", "responder", incident, Map.of("action", "RESOLVE")).statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("resolutionSummary"));
        assertThat(record(incident).getString("status")).as("a refused resolution changes nothing").isEqualTo("MITIGATED");
        transition("rita", "responder", incident, Map.of("action", "RESOLVE", "resolutionSummary", "Bad config rolled back"))
                .statusCode(200).body("status", equalTo("RESOLVED")).body("resolutionSummary", equalTo("Bad config rolled back"));

        transition("rita", "responder", incident, Map.of("action", "CLOSE", "postmortem", Map.of("decision", "REQUIRED")))
                .statusCode(403).contentType("application/problem+json");
        transition("olga", "incident-commander", incident, Map.of("action", "CLOSE",
                "postmortem", Map.of("decision", "NOT_REQUIRED", "reason", "felt small"))).statusCode(400)
                .body("violations.field", contains("postmortem.decision"));
        transition("olga", "incident-commander", incident, Map.of("action", "CLOSE", "postmortem", Map.of("decision", "REQUIRED")))
                .statusCode(200).body("status", equalTo("CLOSED")).body("postmortem.decision", equalTo("REQUIRED"))
                .body("allowedActions", contains("REOPEN"));

        given().auth().oauth2(Tokens.as("vera", "viewer")).get("/api/v1/response/incidents/" + incident + "/transitions")
                .then().statusCode(200)
                .body("action", contains("ACKNOWLEDGE", "MITIGATE", "RESOLVE", "CLOSE"))
                .body("toStatus", contains("ACKNOWLEDGED", "MITIGATED", "RESOLVED", "CLOSED"))
                .body("changedBy", contains(ivan, "rita", "rita", "olga"))
                .body("via", contains("API", null, null, null))
                .body("seq", contains(1, 2, 3, 4));

        List<ConsumerRecord<String, byte[]>> events = lifecycleEvents(incident, List.of("io.firebreak.response.acknowledged.v1",
                "io.firebreak.response.mitigated.v1", "io.firebreak.response.resolved.v1", "io.firebreak.response.closed.v1"));
        assertThat(events).extracting(r -> TestKafkaClient.header(r, "ce_type")).containsExactly("io.firebreak.response.acknowledged.v1",
                "io.firebreak.response.mitigated.v1", "io.firebreak.response.resolved.v1", "io.firebreak.response.closed.v1");
        JsonPath resolved = data(events.get(2));
        JsonPath stored = record(incident);
        assertThat(resolved.getString("status")).isEqualTo("RESOLVED");
        assertThat(resolved.getString("previousStatus")).isEqualTo("MITIGATED");
        assertThat(Instant.parse(resolved.getString("detectedAt"))).isBefore(Instant.parse(resolved.getString("declaredAt")));
        for (String moment : List.of("detectedAt", "declaredAt", "acknowledgedAt", "mitigatedAt", "resolvedAt")) {
            assertThat(Instant.parse(resolved.getString(moment))).as(moment).isEqualTo(Instant.parse(stored.getString(moment)));
        }
        assertThat(resolved.getString("resolutionSummary")).isEqualTo("Bad config rolled back");
        assertThat(data(events.get(0)).getString("via")).isEqualTo("API");
        assertThat(data(events.get(3)).getString("postmortemDecision")).isEqualTo("REQUIRED");
        assertThat(data(events.get(3)).getString("closedAt")).isNotNull();
    }

    @Test
    void aReopenedIncidentNeedsAReasonKeepsItsFirstAcknowledgementAndLosesItsResolution() {
        String owner = PagingFixtures.unique("owner");
        String service = PagingFixtures.serviceEscalatingTo(owner);
        UUID incident = declared(service, "P3", false); // nobody is paged for a P3: the response alone is acknowledged

        transition("rita", "responder", incident, Map.of("action", "ACKNOWLEDGE")).statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED")).body("acknowledgedBy", equalTo("rita"));
        String acknowledgedAt = record(incident).getString("acknowledgedAt");
        transition("rita", "responder", incident, Map.of("action", "RESOLVE", "resolutionSummary", "Cache flushed"))
                .statusCode(200).body("status", equalTo("RESOLVED"));
        JsonPath resolved = record(incident);
        assertThat(resolved.getString("mitigatedAt")).as("resolving unmitigated mitigates at the same moment")
                .isEqualTo(resolved.getString("resolvedAt"));

        transition("olga", "incident-commander", incident, Map.of("action", "REOPEN")).statusCode(400).body("violations.field", hasItem("note"));
        transition("olga", "incident-commander", incident, Map.of("action", "REOPEN", "note", "errors are back")).statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED")).body("reopenCount", equalTo(1)).body("acknowledgedAt", equalTo(acknowledgedAt))
                .body("resolvedAt", nullValue()).body("mitigatedAt", nullValue()).body("resolutionSummary", nullValue());
        transition("olga", "incident-commander", incident, Map.of("action", "CLOSE", "postmortem", Map.of("decision", "REQUIRED")))
                .statusCode(409);

        transition("rita", "responder", incident, Map.of("action", "RESOLVE", "resolutionSummary", "Cache sized up")).statusCode(200);
        transition("olga", "incident-commander", incident, Map.of("action", "CLOSE",
                "postmortem", Map.of("decision", "NOT_REQUIRED", "reason", "known cache limit, ticket filed"))).statusCode(200)
                .body("status", equalTo("CLOSED")).body("postmortem.mandatory", equalTo(false));

        List<ConsumerRecord<String, byte[]>> events = lifecycleEvents(incident, List.of("io.firebreak.response.reopened.v1",
                "io.firebreak.response.closed.v1"));
        ConsumerRecord<String, byte[]> reopened = events.stream()
                .filter(r -> "io.firebreak.response.reopened.v1".equals(TestKafkaClient.header(r, "ce_type"))).findFirst().orElseThrow();
        assertThat(data(reopened).getString("note")).isEqualTo("errors are back");
        assertThat(data(reopened).getString("previousStatus")).isEqualTo("RESOLVED");
        assertThat(data(reopened).getInt("reopenCount")).isEqualTo(1);
        assertThat(data(reopened).getString("acknowledgedAt")).isNotNull();
        assertThat(data(reopened).getString("resolvedAt")).isNull();
    }

    @Test
    void aDrillP1MayCloseWithoutAPostmortem() {
        String owner = PagingFixtures.unique("drill");
        String service = PagingFixtures.serviceEscalatingTo(owner);
        UUID incident = declared(service, "P1", true);
        transition("rita", "responder", incident, Map.of("action", "ACKNOWLEDGE")).statusCode(200);
        transition("rita", "responder", incident, Map.of("action", "RESOLVE", "resolutionSummary", "Scenario played out")).statusCode(200);
        transition("olga", "incident-commander", incident, Map.of("action", "CLOSE",
                "postmortem", Map.of("decision", "NOT_REQUIRED", "reason", "drill: readiness records instead"))).statusCode(200)
                .body("drill", equalTo(true)).body("status", equalTo("CLOSED"));
    }

    @Test
    void twoConcurrentResolutionsResolveOnceAndTheOtherIsAConflict() throws Exception {
        String owner = PagingFixtures.unique("race");
        String service = PagingFixtures.serviceEscalatingTo(owner);
        UUID incident = declared(service, "P3", false);
        transition("rita", "responder", incident, Map.of("action", "ACKNOWLEDGE")).statusCode(200);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (String who : List.of("rita", "ron")) {
            answers.add(pool.submit(() -> {
                start.await();
                return given().auth().oauth2(Tokens.as(who, "responder")).contentType(ContentType.JSON)
                        .body(Map.of("action", "RESOLVE", "resolutionSummary", "fixed by " + who))
                        .post("/api/v1/response/incidents/" + incident + "/transitions").statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : answers) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        given().auth().oauth2(Tokens.as("vera", "viewer")).get("/api/v1/response/incidents/" + incident + "/transitions")
                .then().statusCode(200).body("action", contains("ACKNOWLEDGE", "RESOLVE"));
    }

    @Test
    void badRequestsAreProblemsAndUnknownIncidentsAreNotFound() {
        UUID unknown = UUID.randomUUID();
        transition("rita", "responder", unknown, Map.of("action", "MITIGATE")).statusCode(404).contentType("application/problem+json");
        transition("rita", "responder", unknown, Map.of("action", "ACKNOWLEDGE")).statusCode(404).contentType("application/problem+json");
        // An unknown incident is 404 whatever the body: a caller learns nothing about incidents they may not see.
        transition("rita", "responder", unknown, Map.of("action", "DANCE")).statusCode(404).contentType("application/problem+json");

        UUID incident = declared(PagingFixtures.serviceEscalatingTo(PagingFixtures.unique("quiet")), "P3", false);
        transition("rita", "responder", incident, Map.of("action", "DANCE")).statusCode(400).body("violations.field", contains("action"));
        transition("rita", "responder", incident, Map.of("action", "CLOSE", "postmortem", Map.of("decision", "MAYBE"))).statusCode(400)
                .body("violations.field", contains("postmortem.decision"));
        given().auth().oauth2(Tokens.as("rita", "responder")).contentType(ContentType.JSON).body("{\"action\":")
                .post("/api/v1/response/incidents/" + incident + "/transitions").then().statusCode(400).contentType("application/problem+json");
        record(incident); // nothing above changed it
        given().auth().oauth2(Tokens.as("vera", "viewer")).get("/api/v1/response/incidents/" + incident + "/transitions").then()
                .statusCode(200).body("$", org.hamcrest.Matchers.empty());
        given().auth().oauth2(Tokens.as("vera", "viewer")).get("/api/v1/response/incidents/not-a-uuid/transitions").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
