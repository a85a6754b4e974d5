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
                        "firebreak.classification.intake.publisher.retry-after", "9s");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
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
