package io.firebreak.comms.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestRun;
import io.firebreak.testing.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** What classification and response publish, sent to their real topics, so comms learns incidents and roles as in production. */
public final class CommsFixtures {

    public static final Duration WAIT = Duration.ofSeconds(30);

    private CommsFixtures() {
    }

    public static String key() {
        return "INC-2026-" + (10_000 + Math.abs(UUID.randomUUID().getMostSignificantBits() % 89_999_999));
    }

    /** A declared incident comms knows (awaited through its API as an auditor, who sees every incident). */
    public static UUID declared(String priority) {
        return declared(priority, false);
    }

    public static UUID declared(String priority, boolean drill) {
        return declared(priority, drill, "checkout");
    }

    public static UUID declared(String priority, boolean drill, String businessService) {
        return declared(priority, drill, businessService, null, Instant.now());
    }

    /** With classification's impact summary (JSON object text) and a declaration time. */
    public static UUID declared(String priority, boolean drill, String businessService, String impact, Instant declaredAt) {
        return declared(UUID.randomUUID(), key(), priority, drill, businessService, impact, declaredAt);
    }

    /** Classification's declaration of this incident, awaited until comms knows it. */
    public static UUID declared(UUID incident, String key, String priority, boolean drill, String businessService, String impact, Instant declaredAt) {
        String data = "{\"incidentId\":\"" + incident + "\",\"key\":\"" + key + "\",\"title\":\"Checkout down\",\"summary\":\"503s\","
                + "\"businessService\":\"" + businessService + "\",\"priority\":\"" + priority + "\",\"detectedAt\":\"" + declaredAt.minusSeconds(60)
                + "\",\"declaredAt\":\"" + declaredAt + "\",\"declaredBy\":\"ines\",\"responsibleTeams\":[],\"drill\":" + drill
                + (impact == null ? "" : ",\"impact\":" + impact) + "}";
        send("classification", incident, "io.firebreak.incident.declared.v1", data);
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as("aude", "auditor"))
                .get("/api/v1/comms/incidents/" + incident + "/status").then().statusCode(200));
        return incident;
    }

    /** Response's role.assigned for an accepted assignment; answers its id. */
    public static UUID roleAssigned(UUID incident, String role, String person) {
        UUID assignment = UUID.randomUUID();
        String now = Instant.now().toString();
        send("response", incident, "io.firebreak.role.assigned.v1", "{\"incidentId\":\"" + incident + "\",\"incidentKey\":\"INC-2026-1\","
                + "\"assignmentId\":\"" + assignment + "\",\"role\":\"" + role + "\",\"person\":\"" + person + "\",\"source\":\"MANUAL\","
                + "\"proposedBy\":\"ivan\",\"proposedAt\":\"" + now + "\",\"acceptedAt\":\"" + now + "\",\"drill\":false}");
        return assignment;
    }

    public static void roleReleased(UUID incident, UUID assignment, String role, String person) {
        String now = Instant.now().toString();
        send("response", incident, "io.firebreak.role.released.v1", "{\"incidentId\":\"" + incident + "\",\"incidentKey\":\"INC-2026-1\","
                + "\"assignmentId\":\"" + assignment + "\",\"role\":\"" + role + "\",\"person\":\"" + person + "\",\"heldFrom\":\"" + now
                + "\",\"releasedAt\":\"" + now + "\",\"releasedBy\":\"" + person + "\",\"reason\":\"handed over\",\"drill\":false}");
    }

    public static void restricted(UUID incident, String... members) {
        String list = String.join(",", java.util.Arrays.stream(members).map(m -> "\"" + m + "\"").toList());
        send("response", incident, "io.firebreak.warroom.restricted.v1", "{\"incidentId\":\"" + incident + "\",\"incidentKey\":\"INC-2026-1\","
                + "\"restricted\":true,\"reason\":\"data exposure\",\"by\":\"ivan\",\"at\":\"" + Instant.now() + "\",\"members\":[" + list
                + "],\"drill\":false}", Map.of("ce_restricted", "true"));
    }

    public static void send(String context, UUID incident, String type, String data) {
        send(context, incident, type, data, Map.of());
    }

    private static void send(String context, UUID incident, String type, String data, Map<String, String> extra) {
        Map<String, String> headers = TestKafkaClient.cloudEventHeaders(context, incident.toString(), type);
        headers.putAll(extra);
        TestKafkaClient.send(TestRun.topic(context), incident.toString(), data.getBytes(StandardCharsets.UTF_8), headers);
    }
}
