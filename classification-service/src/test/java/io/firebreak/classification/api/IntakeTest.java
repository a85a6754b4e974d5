package io.firebreak.classification.api;

import static io.firebreak.classification.support.Fixtures.API;
import static io.firebreak.testing.TestKafkaClient.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.firebreak.classification.support.Fixtures;
import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestRun;
import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IntakeTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @jakarta.inject.Inject
    io.firebreak.platform.outbox.OutboxRelayService relay;

    private String service;
    private String owner;

    @BeforeEach
    void serviceWithPolicy() {
        service = Fixtures.uniqueName("alerting");
        owner = "owner-" + service;
        Fixtures.service(service, 1, owner);
        Fixtures.baselinePolicyActive();
    }

    private String newKey() {
        return given().auth().oauth2(Tokens.as(owner, "service-owner")).contentType(ContentType.JSON)
                .body(Map.of("name", "prometheus")).when().post(API + "/services/" + service + "/integration-keys")
                .then().statusCode(201).body("routingKey", matchesPattern("[0-9a-f]{32}"))
                .extract().path("routingKey");
    }

    private static String fixture(String name) {
        try (InputStream in = IntakeTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response enqueue(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/v2/enqueue");
    }

    private static String event(String key, String action, String dedup, Map<String, Object> details) {
        String custom = details == null ? "{}" : new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(details).toString();
        return "{\"routing_key\":\"" + key + "\",\"event_action\":\"" + action + "\",\"dedup_key\":\"" + dedup + "\","
                + "\"payload\":{\"summary\":\"Checkout errors\",\"source\":\"prom-1\",\"severity\":\"critical\",\"custom_details\":" + custom + "}}";
    }

    private List<Map<String, Object>> groups(String dedup) {
        return given().auth().oauth2(Tokens.as("vera", "viewer")).queryParam("service", service).queryParam("dedupKey", dedup)
                .when().get(API + "/alert-groups").then().statusCode(200).extract().jsonPath().getList("items");
    }

    @Test
    void pagerDutyDocumentationTriggerIsAcceptedAndGrouped() {
        String key = newKey();
        enqueue(fixture("pagerduty-trigger.json").replace("{{ROUTING_KEY}}", key)).then()
                .statusCode(202).body("status", equalTo("success")).body("message", equalTo("Event processed"))
                .body("dedup_key", equalTo("samplekeyhere"));
        await().atMost(WAIT).until(() -> groups("samplekeyhere").size() == 1);
        Map<String, Object> group = groups("samplekeyhere").get(0);
        assertThat(group.get("status")).isEqualTo("TRIGGERED");
        assertThat(group.get("severity")).isEqualTo("info");
        assertThat(group.get("incidentId")).as("an info alert with no impact declares nothing").isNull();
    }

    @Test
    void dedupKeyIsGeneratedWhenAbsent() {
        String key = newKey();
        String body = "{\"routing_key\":\"" + key + "\",\"event_action\":\"trigger\",\"payload\":{\"summary\":\"s\",\"source\":\"x\",\"severity\":\"warning\"}}";
        enqueue(body).then().statusCode(202).body("dedup_key", matchesPattern("[0-9a-f]{32}"));
    }

    @Test
    void invalidEventsGetPagerDutysErrorList() {
        String key = newKey();
        enqueue("{\"routing_key\":\"" + key + "\",\"event_action\":\"explode\",\"payload\":{\"severity\":\"fatal\"}}").then()
                .statusCode(400).body("status", equalTo("invalid event")).body("message", equalTo("Event object is invalid"))
                .body("errors", hasItems("'event_action' must be one of trigger, acknowledge, resolve"));
        enqueue("{\"routing_key\":\"" + key + "\",\"event_action\":\"trigger\",\"payload\":{\"severity\":\"fatal\",\"summary\":\""
                + "s".repeat(1025) + "\"}}").then()
                .statusCode(400).body("errors", hasItems("'payload.summary' must be at most 1024 characters",
                        "'payload.source' is missing or blank", "'payload.severity' must be one of critical, error, warning, info"));
        enqueue("{\"routing_key\":\"" + key + "\",\"event_action\":\"resolve\"}").then()
                .statusCode(400).body("errors", hasItems("'dedup_key' is required for resolve events"));
        enqueue("{\"routing_key\":\"short\",\"event_action\":\"trigger\"}").then()
                .statusCode(400).body("errors", hasItems("'routing_key' must be 32 characters"));
    }

    @Test
    void unknownRotatedAndRevokedKeysAreRefused() {
        enqueue(event("0".repeat(32), "trigger", "k1", null)).then().statusCode(400).body("errors", hasItems("Invalid routing key"));
        String key = newKey();
        String id = given().auth().oauth2(Tokens.as(owner, "service-owner")).when().get(API + "/services/" + service + "/integration-keys")
                .then().statusCode(200).body("[0].keyPrefix", equalTo(key.substring(0, 6))).extract().path("[0].id");
        String rotated = given().auth().oauth2(Tokens.as(owner, "service-owner")).when().post(API + "/integration-keys/" + id + "/rotate")
                .then().statusCode(201).extract().path("routingKey");
        enqueue(event(key, "trigger", "k2", null)).then().statusCode(400).body("errors", hasItems("Invalid routing key"));
        enqueue(event(rotated, "trigger", "k2", null)).then().statusCode(202);
        String rotatedId = given().auth().oauth2(Tokens.as(owner, "service-owner")).when().get(API + "/services/" + service + "/integration-keys")
                .then().extract().path("find { it.status == 'ACTIVE' }.id");
        given().auth().oauth2(Tokens.as("mallory", "service-owner")).when().delete(API + "/integration-keys/" + rotatedId).then().statusCode(403);
        given().auth().oauth2(Tokens.as(owner, "service-owner")).when().delete(API + "/integration-keys/" + rotatedId)
                .then().statusCode(200).body("status", equalTo("REVOKED"));
        enqueue(event(rotated, "trigger", "k3", null)).then().statusCode(400);
    }

    @Test
    void aKeyOverItsRateGets429WithRetryAfter() {
        String key = newKey();
        Response throttled = null;
        for (int i = 0; i < 200 && throttled == null; i++) {
            Response r = enqueue(event(key, "trigger", "rate-" + i, null));
            if (r.statusCode() == 429) {
                throttled = r;
            } else {
                r.then().statusCode(202);
            }
        }
        assertThat(throttled).as("the test profile allows a burst of 30").isNotNull();
        throttled.then().header("Retry-After", notNullValue()).body("status", equalTo("throttle event"));
        assertThat(Integer.parseInt(throttled.header("Retry-After"))).isPositive();
    }

    @Test
    void bodiesAbove512KbAre413() {
        String key = newKey();
        given().contentType(ContentType.JSON).body(event(key, "trigger", "big", Map.of("blob", "b".repeat(520 * 1024))))
                .when().post("/v2/enqueue").then().statusCode(413);
    }

    @Test
    void triggerAcknowledgeResolveThenTriggerOpensANewGroup() {
        String key = newKey();
        enqueue(event(key, "trigger", "cycle", null)).then().statusCode(202);
        enqueue(event(key, "trigger", "cycle", null)).then().statusCode(202);
        enqueue(event(key, "acknowledge", "cycle", null)).then().statusCode(202);
        enqueue(event(key, "resolve", "cycle", null)).then().statusCode(202);
        await().atMost(WAIT).until(() -> groups("cycle").size() == 1 && "RESOLVED".equals(groups("cycle").get(0).get("status")));
        assertThat(groups("cycle").get(0).get("signalCount")).isEqualTo(4);
        enqueue(event(key, "trigger", "cycle", null)).then().statusCode(202);
        await().atMost(WAIT).until(() -> groups("cycle").size() == 2);
        assertThat(groups("cycle").get(0).get("status")).isEqualTo("TRIGGERED");
    }

    @Test
    void alertmanagerDocumentationPayloadFiresAndResolvesByFingerprint() {
        String key = newKey();
        String fingerprint = UUID.randomUUID().toString().substring(0, 16);
        String firing = fixture("alertmanager-v4.json").replace("{{STATUS}}", "firing").replace("{{FINGERPRINT}}", fingerprint);
        given().contentType(ContentType.JSON).body(firing).when().post(API + "/intake/alertmanager/" + key + "?groupBy=alert")
                .then().statusCode(202).body("status", equalTo("success"));
        await().atMost(WAIT).until(() -> groups(fingerprint).size() == 1);
        assertThat(groups(fingerprint).get(0).get("severity")).isEqualTo("critical");
        assertThat(groups(fingerprint).get(0).get("summary")).isEqualTo("High request latency on api-1");
        String resolved = fixture("alertmanager-v4.json").replace("{{STATUS}}", "resolved").replace("{{FINGERPRINT}}", fingerprint);
        given().contentType(ContentType.JSON).body(resolved).when().post(API + "/intake/alertmanager/" + key + "?groupBy=alert")
                .then().statusCode(202);
        await().atMost(WAIT).until(() -> "RESOLVED".equals(groups(fingerprint).get(0).get("status")));
        given().contentType(ContentType.JSON).body(firing).when().post(API + "/intake/alertmanager/" + "f".repeat(32))
                .then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"version\":\"3\",\"alerts\":[{\"status\":\"weird\"}]}")
                .when().post(API + "/intake/alertmanager/" + key)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("version", "alerts[0].status", "alerts[0].fingerprint"));
        given().contentType(ContentType.JSON).body("{\"version\": 4, \"alerts\": [")
                .when().post(API + "/intake/alertmanager/" + key)
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void changeEventsFromTheDocumentationArePassedOnToTheChangeService() {
        String key = newKey();
        given().contentType(ContentType.JSON).body(fixture("pagerduty-change.json").replace("{{ROUTING_KEY}}", key))
                .when().post("/v2/change/enqueue").then().statusCode(202).body("status", equalTo("success"));
        TestKafkaClient.readUntil(TestRun.topic("signals"), r -> r.stream().anyMatch(x -> (service + ":change").equals(x.key())
                && "io.firebreak.signal.change_received.v1".equals(header(x, "ce_type"))), WAIT);
    }

    @Test
    void concurrentDuplicateTriggersWithP1ImpactDeclareExactlyOneIncident() throws Exception {
        String key = newKey();
        String body = event(key, "trigger", "storm", Map.of("impact", Map.of("revenueLossPerHour", 80_000)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(pool.submit((Callable<Integer>) () -> enqueue(body).statusCode()));
        }
        for (Future<Integer> answer : answers) {
            assertThat(answer.get()).isEqualTo(202);
        }
        pool.shutdown();
        await().atMost(WAIT).until(() -> groups("storm").size() == 1 && (int) groups("storm").get(0).get("signalCount") == 20);
        Object incidentId = groups("storm").get(0).get("incidentId");
        assertThat(incidentId).isNotNull();
        List<Map<String, Object>> incidents = given().auth().oauth2(Tokens.as("vera", "viewer")).queryParam("businessService", service)
                .when().get(API + "/incidents").then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).get("id")).isEqualTo(incidentId);
        assertThat(incidents.get(0).get("priority")).isEqualTo("P1");
        assertThat((String) incidents.get(0).get("declaredBy")).isEqualTo("pagerduty:prometheus");
        // The declaration names the alert group and its deduplication key: how metrics recognises the same alert firing again.
        var declared = TestKafkaClient.readUntil(TestRun.topic("classification"), r -> r.stream().anyMatch(x -> incidentId.equals(x.key())
                && "io.firebreak.incident.declared.v1".equals(header(x, "ce_type"))), WAIT).stream()
                .filter(x -> incidentId.equals(x.key()) && "io.firebreak.incident.declared.v1".equals(header(x, "ce_type"))).toList();
        assertThat(declared).hasSize(1);
        io.restassured.path.json.JsonPath data = io.restassured.path.json.JsonPath.from(new String(declared.get(0).value(), StandardCharsets.UTF_8));
        assertThat(data.getString("alertFingerprint")).isEqualTo("storm");
        assertThat(data.getString("alertGroupId")).isEqualTo(groups("storm").get(0).get("id"));
    }

    @Test
    void anAutoDeclaredIncidentsDeclarationLeavesAtItsCommitWithoutWaitingForTheRelay() throws Throwable {
        String key = newKey();
        VertxContextSupport.subscribeAndAwait(relay::pause); // only the hand-over at the declaration's commit can publish now
        try {
            enqueue(event(key, "trigger", "at-commit", Map.of("impact", Map.of("revenueLossPerHour", 80_000)))).then().statusCode(202);
            await().atMost(WAIT).until(() -> groups("at-commit").size() == 1 && groups("at-commit").get(0).get("incidentId") != null);
            Object incidentId = groups("at-commit").get(0).get("incidentId");
            var declared = TestKafkaClient.readUntil(TestRun.topic("classification"), r -> r.stream().anyMatch(x -> incidentId.equals(x.key())
                    && "io.firebreak.incident.declared.v1".equals(header(x, "ce_type"))), WAIT);
            assertThat(declared.stream().filter(x -> incidentId.equals(x.key()))).hasSize(1);
        } finally {
            relay.resume();
            relay.trigger();
        }
    }

    @Test
    void aSignalWithoutFactsUsesTheServiceDefaultsToDecide() {
        String lowService = Fixtures.uniqueName("quiet");
        Fixtures.service(lowService, 3, owner);
        String key = given().auth().oauth2(Tokens.as(owner, "service-owner")).contentType(ContentType.JSON)
                .body(Map.of("name", "grafana")).when().post(API + "/services/" + lowService + "/integration-keys")
                .then().statusCode(201).extract().path("routingKey");
        enqueue(event(key, "trigger", "quiet-1", null)).then().statusCode(202);
        await().atMost(WAIT).until(() -> !given().auth().oauth2(Tokens.as("vera", "viewer")).queryParam("service", lowService)
                .when().get(API + "/alert-groups").jsonPath().getList("items").isEmpty());
        given().auth().oauth2(Tokens.as("vera", "viewer")).queryParam("businessService", lowService)
                .when().get(API + "/incidents").then().body("total", equalTo(0));
    }
}
