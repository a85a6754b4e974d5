package io.firebreak.classification.api;

import static io.firebreak.classification.support.Fixtures.API;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.classification.support.Fixtures;
import io.firebreak.events.EventTypes;
import io.firebreak.events.SignalReceived;
import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestPostgres;
import io.firebreak.testing.TestRun;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A replica of the {@code classification-processing} Deployment (intake switched off): it refuses intake with a
 * retryable 503 — a sender that reaches it by a mis-set route retries instead of dropping the alert — and
 * processes what the intake replicas put on the signals topic.
 */
@QuarkusTest
@TestProfile(ProcessingOnlyReplicaTest.ProcessingOnly.class)
class ProcessingOnlyReplicaTest {

    public static class ProcessingOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("firebreak.classification.intake.enabled", "false");
        }
    }

    private final ObjectMapper mapper;

    ProcessingOnlyReplicaTest(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Test
    void aProcessingReplicaAnswersIntakeWithRetryable503AndProcessesTheSignalsTopic() throws Exception {
        String event = "{\"routing_key\":\"" + "0".repeat(32) + "\",\"event_action\":\"trigger\",\"dedup_key\":\"d-1\","
                + "\"payload\":{\"summary\":\"Checkout errors\",\"source\":\"prom-1\",\"severity\":\"critical\"}}";
        given().contentType(ContentType.JSON).body(event).when().post("/v2/enqueue").then()
                .statusCode(503).contentType("application/problem+json").header("Retry-After", "5");
        given().header("Authorization", "Bearer " + "0".repeat(32)).contentType(ContentType.JSON)
                .body("{\"version\":\"4\",\"groupKey\":\"g\",\"status\":\"firing\",\"receiver\":\"firebreak\",\"groupLabels\":{},"
                        + "\"commonLabels\":{\"alertname\":\"X\"},\"commonAnnotations\":{},\"alerts\":[{\"status\":\"firing\","
                        + "\"labels\":{\"alertname\":\"X\"},\"annotations\":{},\"startsAt\":\"2026-11-30T09:00:00Z\",\"fingerprint\":\"f\"}]}")
                .when().post(API + "/intake/alertmanager").then()
                .statusCode(503).contentType("application/problem+json").header("Retry-After", "5")
                .body("type", org.hamcrest.Matchers.endsWith("intake-not-served-here"));

        // What an intake replica would have put on the topic is grouped here.
        String service = Fixtures.uniqueName("processing-only");
        Fixtures.service(service, 3, "owner-" + service);
        Instant now = Instant.now();
        SignalReceived signal = new SignalReceived(service, "key-" + service, "pagerduty:test", "trigger", "checkout",
                "Checkout errors", "prom", "warning", now, null, null, null, null, now);
        TestKafkaClient.send(TestRun.namespace() + ".signals", service + ":checkout", mapper.writeValueAsBytes(signal),
                TestKafkaClient.cloudEventHeaders("classification", null, EventTypes.SIGNAL_RECEIVED));
        await().atMost(Duration.ofSeconds(30)).until(() -> groups(service) == 1);
    }

    private static long groups(String service) throws Exception {
        try (Connection c = TestPostgres.connect();
             PreparedStatement s = c.prepareStatement("select count(*) from classification.alert_group where service = ?")) {
            s.setString(1, service);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
