package io.firebreak.classification.api;

import static io.firebreak.classification.support.Fixtures.API;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.firebreak.classification.support.Fixtures;
import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Intake while the broker cannot take signals: a prompt 503 with Retry-After that monitoring tools
 * retry on, instead of requests queueing behind the broker (its own profile: intake's producer points
 * at a broker address where nothing listens; the rest of the service is healthy).
 */
@QuarkusTest
@TestProfile(IntakeBrokerDownTest.BrokerDown.class)
class IntakeBrokerDownTest {

    public static class BrokerDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try (ServerSocket s = new ServerSocket(0)) {
                return Map.of("firebreak.classification.intake.publisher.bootstrap-servers", "127.0.0.1:" + s.getLocalPort(),
                        "firebreak.classification.intake.publisher.timeout", "1s",
                        "firebreak.classification.intake.publisher.retry-after", "9s",
                        // Intake's own capacity, small enough to reach: 10 at once, then 1 per second.
                        "firebreak.classification.intake.admission.rate-per-second", "1",
                        "firebreak.classification.intake.admission.burst", "10");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void beyondIntakesCapacityEveryEndpointAnswers429WithRetryAfterBeforeAnyWorkAndRecovers() throws InterruptedException {
        String unknownKey = "0".repeat(32);
        String event = "{\"routing_key\":\"" + unknownKey + "\",\"event_action\":\"trigger\",\"dedup_key\":\"d-1\","
                + "\"payload\":{\"summary\":\"Checkout errors\",\"source\":\"prom-1\",\"severity\":\"critical\"}}";
        int admitted = 0;
        int refused = 0;
        for (int i = 0; i < 15; i++) {
            // Admitted requests reach the key lookup (unknown key: 400); refused ones never get that far.
            io.restassured.response.Response r = given().contentType(ContentType.JSON).body(event).when().post("/v2/enqueue");
            if (r.statusCode() == 429) {
                refused++;
                assertThat(r.header("Retry-After")).isEqualTo("1");
                assertThat(r.jsonPath().getString("message")).isEqualTo("Intake is at capacity. Please retry later.");
            } else {
                assertThat(r.statusCode()).isEqualTo(400);
                admitted++;
            }
        }
        assertThat(admitted).as("the burst, and at most what refilled meanwhile").isBetween(10, 13);
        assertThat(refused).isEqualTo(15 - admitted);

        String webhook = "{\"version\":\"4\",\"groupKey\":\"g\",\"status\":\"firing\",\"receiver\":\"firebreak\","
                + "\"groupLabels\":{},\"commonLabels\":{\"alertname\":\"X\"},\"commonAnnotations\":{},\"alerts\":[{\"status\":\"firing\","
                + "\"labels\":{\"alertname\":\"X\"},\"annotations\":{},\"startsAt\":\"2026-11-30T09:00:00Z\",\"fingerprint\":\"f\"}]}";
        io.restassured.response.Response am = null;
        for (int i = 0; i < 5 && (am == null || am.statusCode() != 429); i++) {
            am = given().header("Authorization", "Bearer " + unknownKey).contentType(ContentType.JSON).body(webhook)
                    .when().post(API + "/intake/alertmanager");
        }
        assertThat(am.statusCode()).isEqualTo(429);
        assertThat(am.contentType()).startsWith("application/problem+json");
        assertThat(am.jsonPath().getString("type")).endsWith("intake-overloaded");
        assertThat(am.header("Retry-After")).isEqualTo("1");

        // Capacity comes back at the sustained rate; leave two tokens for the other test of this profile.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).pollInterval(java.time.Duration.ofMillis(300))
                .until(() -> given().contentType(ContentType.JSON).body(event).when().post("/v2/enqueue").statusCode() == 400);
        Thread.sleep(2_100);
    }

    @Test
    void anAlertIsRefusedWith503AndRetryAfterWithinTheTimeout() {
        String service = Fixtures.uniqueName("broker-down");
        String owner = "owner-" + service;
        Fixtures.service(service, 1, owner);
        String key = given().auth().oauth2(Tokens.as(owner, "service-owner")).contentType(ContentType.JSON)
                .body(Map.of("name", "prometheus")).when().post(API + "/services/" + service + "/integration-keys")
                .then().statusCode(201).extract().path("routingKey");
        String event = "{\"routing_key\":\"" + key + "\",\"event_action\":\"trigger\",\"dedup_key\":\"d-1\","
                + "\"payload\":{\"summary\":\"Checkout errors\",\"source\":\"prom-1\",\"severity\":\"critical\"}}";
        long started = System.nanoTime();

        given().contentType(ContentType.JSON).body(event).when().post("/v2/enqueue").then()
                .statusCode(503).contentType("application/problem+json")
                .header("Retry-After", equalTo("9"));

        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds to answer").isLessThan(5_000);
    }
}
