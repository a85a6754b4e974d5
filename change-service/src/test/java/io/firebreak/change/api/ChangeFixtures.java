package io.firebreak.change.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestRun;
import io.firebreak.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What classification and response publish, sent to their real topics, so change learns incidents, services, roles and findings as in production. */
public final class ChangeFixtures {

    public static final Duration WAIT = Duration.ofSeconds(30);

    private ChangeFixtures() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String key() {
        return "INC-2026-" + (10_000 + Math.abs(UUID.randomUUID().getMostSignificantBits() % 89_999_999));
    }

    /** A catalog service depending on {@code dependsOn}, awaited until change knows it (through the action catalog's target check). */
    public static String service(String name, String... dependsOn) {
        String deps = String.join(",", Arrays.stream(dependsOn).map(d -> "\"" + d + "\"").toList());
        sendKeyed("classification", name, name, "io.firebreak.service.registered.v1", "{\"name\":\"" + name + "\",\"tier\":1,\"owningTeam\":\"team-"
                + name + "\",\"owners\":[\"sam\"],\"customerFacing\":true,\"regulated\":false,\"change\":\"registered\",\"changedBy\":\"sam\","
                + "\"changedAt\":\"" + Instant.now() + "\",\"dependsOn\":[" + deps + "]}");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as("vera", "viewer")).get("/api/v1/change/services/" + name)
                .then().statusCode(200));
        return name;
    }

    public record Declared(UUID id, String key) {
    }

    public static Declared declared(String priority, String service) {
        return declared(priority, service, Instant.now());
    }

    /** A declared incident change knows (awaited through its API as an auditor, who sees every incident). */
    public static Declared declared(String priority, String service, Instant declaredAt) {
        return declared(new Declared(UUID.randomUUID(), key()), priority, service, declaredAt);
    }

    /** Classification's declaration of this incident (which change may know already from response's lifecycle). */
    public static Declared declared(Declared known, String priority, String service, Instant declaredAt) {
        UUID incident = known.id();
        String key = known.key();
        send("classification", incident, "io.firebreak.incident.declared.v1", "{\"incidentId\":\"" + incident + "\",\"key\":\"" + key
                + "\",\"title\":\"" + service + " down\",\"summary\":\"503s\",\"businessService\":\"" + service + "\",\"priority\":\"" + priority
                + "\",\"detectedAt\":\"" + declaredAt.minusSeconds(60) + "\",\"declaredAt\":\"" + declaredAt + "\",\"declaredBy\":\"ines\","
                + "\"responsibleTeams\":[],\"drill\":false}");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as("aude", "auditor"))
                .get("/api/v1/change/incidents/" + incident + "/changes").then().statusCode(200));
        return new Declared(incident, key);
    }

    /** Response's confirmed finding in {@code component}; awaited until change lists it. */
    public static UUID finding(Declared incident, String component) {
        UUID finding = UUID.randomUUID();
        send("response", incident.id(), "io.firebreak.triage.finding_recorded.v1", "{\"incidentId\":\"" + incident.id() + "\",\"incidentKey\":\""
                + incident.key() + "\",\"findingId\":\"" + finding + "\",\"statement\":\"Connection pool exhausted in " + component
                + "\",\"component\":\"" + component + "\",\"evidence\":[\"pool at 100%\"],\"recordedBy\":\"tara\",\"recordedAt\":\""
                + Instant.now() + "\",\"priority\":\"P1\",\"drill\":false}");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as("aude", "auditor"))
                .get("/api/v1/change/incidents/" + incident.id() + "/findings").then().statusCode(200)
                .body("findingId", org.hamcrest.Matchers.hasItem(finding.toString())));
        return finding;
    }

    public static UUID roleAssigned(UUID incident, String role, String person) {
        UUID assignment = UUID.randomUUID();
        String now = Instant.now().toString();
        send("response", incident, "io.firebreak.role.assigned.v1", "{\"incidentId\":\"" + incident + "\",\"incidentKey\":\"INC-2026-1\","
                + "\"assignmentId\":\"" + assignment + "\",\"role\":\"" + role + "\",\"person\":\"" + person + "\",\"source\":\"MANUAL\","
                + "\"proposedBy\":\"ivan\",\"proposedAt\":\"" + now + "\",\"acceptedAt\":\"" + now + "\",\"drill\":false}");
        return assignment;
    }

    /** Response's lifecycle event (MITIGATED, RESOLVED …) with the matching times. */
    public static void status(Declared incident, String service, String status, Instant at) {
        String type = "io.firebreak.response." + status.toLowerCase() + ".v1";
        send("response", incident.id(), type, "{\"incidentId\":\"" + incident.id() + "\",\"incidentKey\":\"" + incident.key() + "\","
                + "\"businessService\":\"" + service + "\",\"priority\":\"P1\",\"drill\":false,\"status\":\"" + status + "\","
                + "\"previousStatus\":\"ACKNOWLEDGED\",\"changedBy\":\"ivan\",\"changedAt\":\"" + at + "\",\"detectedAt\":\"" + at.minusSeconds(600)
                + "\",\"declaredAt\":\"" + at.minusSeconds(540) + "\"" + ("MITIGATED".equals(status) ? ",\"mitigatedAt\":\"" + at + "\"" : "")
                + ("RESOLVED".equals(status) ? ",\"mitigatedAt\":\"" + at + "\",\"resolvedAt\":\"" + at + "\",\"resolutionSummary\":\"fixed\"" : "")
                + ",\"reopenCount\":0}");
    }

    public static void restricted(UUID incident, String... members) {
        String list = String.join(",", Arrays.stream(members).map(m -> "\"" + m + "\"").toList());
        send("response", incident, "io.firebreak.warroom.restricted.v1", "{\"incidentId\":\"" + incident + "\",\"incidentKey\":\"INC-2026-1\","
                + "\"restricted\":true,\"reason\":\"data exposure\",\"by\":\"ivan\",\"at\":\"" + Instant.now() + "\",\"members\":[" + list
                + "],\"drill\":false}", Map.of("ce_restricted", "true"));
    }

    public static void send(String context, UUID incident, String type, String data) {
        send(context, incident, type, data, Map.of());
    }

    private static void send(String context, UUID incident, String type, String data, Map<String, String> extra) {
        sendKeyed(context, incident.toString(), incident.toString(), type, data, extra);
    }

    static void sendKeyed(String context, String key, String subject, String type, String data) {
        sendKeyed(context, key, subject, type, data, Map.of());
    }

    static void sendKeyed(String context, String key, String subject, String type, String data, Map<String, String> extra) {
        Map<String, String> headers = TestKafkaClient.cloudEventHeaders(context, subject, type);
        headers.putAll(extra);
        TestKafkaClient.send(TestRun.topic(context), key, data.getBytes(StandardCharsets.UTF_8), headers);
    }

    public static ValidatableResponse post(String user, String role, Object body, String path) {
        return given().auth().oauth2(Tokens.as(user, role)).contentType(ContentType.JSON).body(body).post(path).then();
    }

    public static ValidatableResponse get(String user, String role, String path) {
        return given().auth().oauth2(Tokens.as(user, role)).get(path).then();
    }

    /** A complete emergency-change request body. */
    public static Map<String, Object> request(String target, String action, Map<String, String> parameters, UUID finding) {
        return new java.util.HashMap<>(Map.of("targetService", target, "action", action, "parameters", parameters,
                "description", "Roll back the release that exhausted the pool", "expectedEffect", "Error rate back under 1% within 10 minutes",
                "risk", "MEDIUM", "findingId", finding.toString(),
                "rollbackPlan", Map.of("steps", List.of("redeploy 1.5.0", "re-enable the feature flag"), "verification", "error rate stays under 1%",
                        "estimatedRollbackMinutes", 10)));
    }

    public static Map<String, Object> rollback(String target, UUID finding) {
        return request(target, "rollback", Map.of("fromVersion", "1.5.0", "toVersion", "1.4.2"), finding);
    }

    /** Events of {@code type} on change's topic for the incident, waiting until there are at least {@code atLeast}. */
    public static List<JsonPath> events(UUID incident, String type, int atLeast) {
        java.util.function.Function<List<ConsumerRecord<String, byte[]>>, List<JsonPath>> mine = records -> records.stream()
                .filter(r -> incident.toString().equals(r.key())).filter(r -> type.equals(TestKafkaClient.header(r, "ce_type")))
                .map(r -> JsonPath.from(new String(r.value(), StandardCharsets.UTF_8))).toList();
        return mine.apply(TestKafkaClient.readUntil(TestRun.topic("change"), records -> mine.apply(records).size() >= atLeast, WAIT));
    }
}
