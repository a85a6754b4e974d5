package io.firebreak.classification.api;

import static io.firebreak.classification.support.Fixtures.API;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.firebreak.classification.support.Fixtures;
import io.firebreak.testing.TestPostgres;
import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Intake under storms and abuse: one incident per storm, bounded work for attackers, keys out of URLs. */
@QuarkusTest
class IntakeStormTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private String service;
    private String owner;
    private String key;

    @BeforeEach
    void serviceAndKey() {
        service = Fixtures.uniqueName("storm");
        owner = "owner-" + service;
        Fixtures.service(service, 1, owner);
        Fixtures.baselinePolicyActive();
        key = given().auth().oauth2(Tokens.as(owner, "service-owner")).contentType(ContentType.JSON)
                .body(Map.of("name", "prometheus")).when().post(API + "/services/" + service + "/integration-keys")
                .then().statusCode(201).extract().path("routingKey");
    }

    private List<Map<String, Object>> groups() {
        return given().auth().oauth2(Tokens.as("vera", "viewer")).queryParam("service", service)
                .when().get(API + "/alert-groups").then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** A webhook of one Alertmanager group whose alerts are {@code pods} crash-looping pods. */
    private static String crashLoop(String status, int pods, String groupKey) {
        StringBuilder alerts = new StringBuilder();
        for (int i = 0; i < pods; i++) {
            if (i > 0) {
                alerts.append(',');
            }
            alerts.append("{\"status\":\"").append(status).append("\",\"labels\":{\"alertname\":\"KubePodCrashLooping\",")
                    .append("\"pod\":\"api-").append(i).append("\",\"severity\":\"critical\"},\"annotations\":{},")
                    .append("\"startsAt\":\"2026-11-30T09:00:00Z\",\"endsAt\":\"0001-01-01T00:00:00Z\",\"fingerprint\":\"fp-")
                    .append(groupKey.hashCode()).append('-').append(i).append("\"}");
        }
        return "{\"version\":\"4\",\"groupKey\":\"" + groupKey.replace("\"", "\\\"") + "\",\"truncatedAlerts\":3,\"status\":\""
                + status + "\",\"receiver\":\"firebreak\",\"groupLabels\":{\"alertname\":\"KubePodCrashLooping\"},"
                + "\"commonLabels\":{\"alertname\":\"KubePodCrashLooping\",\"severity\":\"critical\"},"
                + "\"commonAnnotations\":{\"summary\":\"Pods crash-looping\"},\"alerts\":[" + alerts + "]}";
    }

    @Test
    void fortyCrashLoopingPodsOfOneAlertmanagerGroupAreOneAlertGroupAndTheKeyTravelsInTheHeader() {
        String groupKey = "{}:{alertname=\"KubePodCrashLooping\",cluster=\"" + service + "\"}";
        given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON).body(crashLoop("firing", 40, groupKey))
                .when().post(API + "/intake/alertmanager").then().statusCode(202).body("signals", equalTo(1));

        await().atMost(WAIT).until(() -> groups().size() == 1);
        Map<String, Object> group = groups().get(0);
        assertThat((String) group.get("dedupKey")).startsWith("am:");
        assertThat(group.get("severity")).isEqualTo("critical");
        assertThat((String) group.get("summary")).contains("40 of 43 alert(s) firing");

        given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON).body(crashLoop("resolved", 40, groupKey))
                .when().post(API + "/intake/alertmanager").then().statusCode(202);
        await().atMost(WAIT).until(() -> "RESOLVED".equals(groups().get(0).get("status")));

        given().contentType(ContentType.JSON).body(crashLoop("firing", 1, groupKey)).when().post(API + "/intake/alertmanager")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + "0".repeat(32)).contentType(ContentType.JSON).body(crashLoop("firing", 1, groupKey))
                .when().post(API + "/intake/alertmanager").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aFiringAlertWhoseEndTimeHasPassedResolvesItsGroup() {
        String fingerprint = "ends-" + UUID.randomUUID();
        String firing = "{\"version\":\"4\",\"status\":\"firing\",\"alerts\":[{\"status\":\"firing\",\"labels\":{\"alertname\":\"Disk\","
                + "\"severity\":\"warning\"},\"annotations\":{},\"startsAt\":\"2026-11-30T09:00:00Z\",\"endsAt\":\"%s\",\"fingerprint\":\""
                + fingerprint + "\"}]}";
        given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON).body(String.format(firing, "0001-01-01T00:00:00Z"))
                .when().post(API + "/intake/alertmanager?groupBy=alert").then().statusCode(202);
        await().atMost(WAIT).until(() -> groups().stream().anyMatch(g -> fingerprint.equals(g.get("dedupKey"))));

        // A late notification still says "firing", but the alert ended a minute ago.
        given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON)
                .body(String.format(firing, Instant.now().minusSeconds(60).toString()))
                .when().post(API + "/intake/alertmanager?groupBy=alert").then().statusCode(202);
        await().atMost(WAIT).until(() -> groups().stream().anyMatch(g -> fingerprint.equals(g.get("dedupKey"))
                && "RESOLVED".equals(g.get("status"))));
    }

    @Test
    void alertsWithoutADedupKeyOfOneServiceJoinItsOpenIncidentInsteadOfDeclaringAgain() {
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON).body("{\"routing_key\":\"" + key + "\",\"event_action\":\"trigger\","
                            + "\"payload\":{\"summary\":\"Checkout errors " + i + "\",\"source\":\"prom\",\"severity\":\"critical\","
                            + "\"custom_details\":{\"impact\":{\"revenueLossPerHour\":50000}}}}")
                    .when().post("/v2/enqueue").then().statusCode(202);
        }

        await().atMost(WAIT).until(() -> groups().size() == 5 && groups().stream().allMatch(g -> g.get("incidentId") != null));
        Set<Object> incidents = groups().stream().map(g -> g.get("incidentId")).collect(Collectors.toSet());
        assertThat(incidents).hasSize(1);
    }

    @Test
    void malformedJsonAtEnqueueGetsPagerDutysErrorShape() {
        given().contentType(ContentType.JSON).body("{\"routing_key\": \"abc\", ").when().post("/v2/enqueue").then()
                .statusCode(400).contentType(ContentType.JSON)
                .body("status", equalTo("invalid event")).body("errors", hasItem(startsWith("Malformed JSON")));
        given().contentType(ContentType.JSON).body("[1,2]").when().post("/v2/change/enqueue").then()
                .statusCode(400).body("status", equalTo("invalid event"));
    }

    @Test
    void aSourcePresentingUnknownKeysIsThrottledBeforeAnyLookupWhileOthersAreNot() {
        String attacker = "203.0.113." + (1 + (int) (Math.random() * 250));
        int refused = 0;
        int throttled = 0;
        for (int i = 0; i < 30; i++) {
            int status = given().header("X-Forwarded-For", attacker).contentType(ContentType.JSON)
                    .body("{\"routing_key\":\"" + UUID.randomUUID().toString().replace("-", "") + "\",\"event_action\":\"trigger\","
                            + "\"payload\":{\"summary\":\"x\",\"source\":\"x\",\"severity\":\"critical\"}}")
                    .when().post("/v2/enqueue").then().extract().statusCode();
            refused += status == 400 ? 1 : 0;
            throttled += status == 429 ? 1 : 0;
        }
        assertThat(refused).as("unknown keys looked up").isBetween(20, 22); // the burst, plus what refilled meanwhile
        assertThat(throttled).isEqualTo(30 - refused);
        // Another address is not affected; the legitimate key from the attacker's address is refused too.
        given().header("X-Forwarded-For", "198.51.100.9").contentType(ContentType.JSON)
                .body("{\"routing_key\":\"" + "0".repeat(32) + "\",\"event_action\":\"trigger\","
                        + "\"payload\":{\"summary\":\"x\",\"source\":\"x\",\"severity\":\"critical\"}}")
                .when().post("/v2/enqueue").then().statusCode(400);
        given().header("X-Forwarded-For", attacker).contentType(ContentType.JSON)
                .body("{\"routing_key\":\"" + key + "\",\"event_action\":\"trigger\","
                        + "\"payload\":{\"summary\":\"x\",\"source\":\"x\",\"severity\":\"critical\"}}")
                .when().post("/v2/enqueue").then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aKeyRevokedWhileALookupRacesItIsRefusedAsSoonAsTheRevocationCommits() throws Exception {
        String event = "{\"routing_key\":\"" + key + "\",\"event_action\":\"trigger\",\"dedup_key\":\"race\","
                + "\"payload\":{\"summary\":\"x\",\"source\":\"x\",\"severity\":\"warning\"}}";
        String keyId = given().auth().oauth2(Tokens.as(owner, "service-owner")).when().get(API + "/services/" + service + "/integration-keys")
                .then().statusCode(200).extract().path("[0].id");
        CompletableFuture<Integer> revoke;
        try (Connection c = TestPostgres.connect()) {
            // Hold the key's row so the revocation waits inside its transaction, as a slow commit would.
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement("select 1 from classification.integration_key where id = ? for update")) {
                lock.setObject(1, UUID.fromString(keyId));
                lock.executeQuery();
            }
            revoke = CompletableFuture.supplyAsync(() -> given().auth().oauth2(Tokens.as(owner, "service-owner"))
                    .when().delete(API + "/integration-keys/" + keyId).then().extract().statusCode());
            Thread.sleep(500);
            // Meanwhile an event arrives: the key is still active in the database, and is looked up (and cached).
            given().contentType(ContentType.JSON).body(event).when().post("/v2/enqueue").then().statusCode(202);
            c.commit();
        }
        assertThat(revoke.get(30, TimeUnit.SECONDS)).isEqualTo(200);

        given().contentType(ContentType.JSON).body(event).when().post("/v2/enqueue").then().statusCode(400)
                .body("errors", hasItem("Invalid routing key"));
    }

    @Test
    void theDatabaseAdmitsOneIncidentPerAlertGroup() throws Exception {
        UUID group = UUID.randomUUID();
        String insert = "insert into classification.incident (id, incident_key, title, summary, business_service, priority, detected_at,"
                + " declared_at, declared_by, alert_group_id) values (?, ?, 't', 's', ?, 'P1', now(), now(), 'test', ?)";
        try (Connection c = TestPostgres.connect(); PreparedStatement s = c.prepareStatement(insert)) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, "INC-1999-" + UUID.randomUUID().toString().substring(0, 6));
            s.setString(3, service);
            s.setObject(4, group);
            s.executeUpdate();
            s.setObject(1, UUID.randomUUID());
            s.setString(2, "INC-1999-" + UUID.randomUUID().toString().substring(0, 6));
            org.assertj.core.api.Assertions.assertThatThrownBy(s::executeUpdate).hasMessageContaining("incident_alert_group");
        }
    }
}
