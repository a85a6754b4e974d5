package io.firebreak.review.api;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the other services publish, sent to their real topics, so review builds its picture as in production. */
public final class ReviewFixtures {

    public static final Duration WAIT = Duration.ofSeconds(30);

    private ReviewFixtures() {
    }

    public record Declared(UUID id, String key, Instant declaredAt, String priority, boolean drill, String service) {
    }

    public static Declared declared(String priority, boolean drill, Instant declaredAt) {
        return declared(priority, drill, declaredAt, "checkout");
    }

    public static Declared declared(String priority, boolean drill, Instant declaredAt, String service) {
        UUID incident = UUID.randomUUID();
        String key = "INC-2026-" + (10_000 + Math.abs(UUID.randomUUID().getMostSignificantBits() % 89_999_999));
        send("classification", incident, "io.firebreak.incident.declared.v1", "{\"incidentId\":\"" + incident + "\",\"key\":\"" + key
                + "\",\"title\":\"Checkout down\",\"summary\":\"503s\",\"businessService\":\"" + service + "\",\"priority\":\"" + priority
                + "\",\"detectedAt\":\"" + declaredAt.minusSeconds(120) + "\",\"declaredAt\":\"" + declaredAt + "\",\"declaredBy\":\"ines\","
                + "\"responsibleTeams\":[],\"drill\":" + drill + "}");
        return new Declared(incident, key, declaredAt, priority, drill, service);
    }

    public static UUID paged(Declared i, String person, Instant at) {
        UUID page = UUID.randomUUID();
        send("response", i.id(), "io.firebreak.page.triggered.v1", "{\"incidentId\":\"" + i.id() + "\",\"incidentKey\":\"" + i.key()
                + "\",\"pageId\":\"" + page + "\",\"escalationId\":\"" + UUID.randomUUID() + "\",\"person\":\"" + person + "\",\"role\":\"INCIDENT_COMMANDER\","
                + "\"level\":1,\"round\":1,\"priority\":\"P1\",\"drill\":false,\"declaredAt\":\"" + i.declaredAt() + "\",\"triggeredAt\":\"" + at + "\"}");
        return page;
    }

    public static void acknowledged(Declared i, UUID page, String person, Instant at) {
        send("response", i.id(), "io.firebreak.page.acknowledged.v1", "{\"incidentId\":\"" + i.id() + "\",\"incidentKey\":\"" + i.key()
                + "\",\"pageId\":\"" + page + "\",\"acknowledgedBy\":\"" + person + "\",\"via\":\"LINK\",\"priority\":\"P1\",\"drill\":false,"
                + "\"declaredAt\":\"" + i.declaredAt() + "\",\"acknowledgedAt\":\"" + at + "\"}");
    }

    /** An accepted role assignment paged at {@code pagedAt}; answers its id. */
    public static UUID role(Declared i, String role, String person, Instant pagedAt, Instant acceptedAt) {
        UUID assignment = UUID.randomUUID();
        send("response", i.id(), "io.firebreak.role.assigned.v1", "{\"incidentId\":\"" + i.id() + "\",\"incidentKey\":\"" + i.key()
                + "\",\"assignmentId\":\"" + assignment + "\",\"role\":\"" + role + "\",\"person\":\"" + person + "\",\"source\":\"ROTATION\","
                + "\"proposedBy\":\"firebreak\",\"proposedAt\":\"" + pagedAt + "\",\"pageId\":\"" + UUID.randomUUID() + "\",\"pagedAt\":\""
                + pagedAt + "\",\"acceptedAt\":\"" + acceptedAt + "\",\"drill\":false}");
        return assignment;
    }

    public static void commander(Declared i, String person, Instant at) {
        send("response", i.id(), "io.firebreak.role.assigned.v1", "{\"incidentId\":\"" + i.id() + "\",\"incidentKey\":\"" + i.key()
                + "\",\"assignmentId\":\"" + UUID.randomUUID() + "\",\"role\":\"INCIDENT_COMMANDER\",\"person\":\"" + person + "\",\"source\":\"ROTATION\","
                + "\"proposedBy\":\"firebreak\",\"proposedAt\":\"" + at + "\",\"acceptedAt\":\"" + at + "\",\"drill\":false}");
    }

    public static void statusPublished(Declared i, Instant at) {
        send("comms", i.id(), "io.firebreak.status.published.v1", "{\"incidentId\":\"" + i.id() + "\",\"incidentKey\":\"" + i.key()
                + "\",\"version\":1,\"state\":\"IDENTIFIED\",\"impact\":\"Card payments fail\",\"affectedServices\":[\"checkout\"],"
                + "\"publishedBy\":\"cleo\",\"publishedAt\":\"" + at + "\",\"priority\":\"P1\",\"drill\":false}");
    }

    /** Classification's catalog service with its owning team. */
    public static void service(String name, String owningTeam) {
        TestKafkaClient.send(TestRun.topic("classification"), name, ("{\"name\":\"" + name + "\",\"tier\":1,\"owningTeam\":\"" + owningTeam
                + "\",\"owners\":[\"sam\"],\"customerFacing\":true,\"regulated\":false,\"change\":\"registered\",\"changedBy\":\"sam\","
                + "\"changedAt\":\"" + Instant.now() + "\",\"dependsOn\":[]}").getBytes(StandardCharsets.UTF_8),
                headers("classification", name, "io.firebreak.service.registered.v1"));
    }

    public static void team(String manager, List<String> members) {
        team(null, manager, members);
    }

    /** Response's team with this name (null: a random one). */
    public static void team(String name, String manager, List<String> members) {
        String id = UUID.randomUUID().toString();
        String list = String.join(",", members.stream().map(m -> "\"" + m + "\"").toList());
        TestKafkaClient.send(TestRun.topic("response"), id, ("{\"teamId\":\"" + id + "\",\"name\":\"" + (name != null ? name : "team-" + id.substring(0, 6)) + "\",\"manager\":\""
                + manager + "\",\"members\":[" + list + "],\"change\":\"created\",\"changedBy\":\"root\",\"changedAt\":\"" + Instant.now() + "\"}")
                .getBytes(StandardCharsets.UTF_8), headers("response", id, "io.firebreak.team.changed.v1"));
    }

    /** Response's lifecycle event with its times (MITIGATED, RESOLVED, CLOSED). */
    public static void status(Declared i, String status, Instant at) {
        send("response", i.id(), "io.firebreak.response." + status.toLowerCase() + ".v1", "{\"incidentId\":\"" + i.id() + "\",\"incidentKey\":\""
                + i.key() + "\",\"businessService\":\"" + i.service() + "\",\"priority\":\"" + i.priority() + "\",\"drill\":" + i.drill() + ",\"status\":\""
                + status + "\","
                + "\"previousStatus\":\"MITIGATED\",\"changedBy\":\"ivan\",\"changedAt\":\"" + at + "\",\"detectedAt\":\"" + i.declaredAt().minusSeconds(120)
                + "\",\"declaredAt\":\"" + i.declaredAt() + "\",\"mitigatedAt\":\"" + at.minusSeconds(60) + "\",\"resolvedAt\":\"" + at + "\""
                + ("CLOSED".equals(status) ? ",\"closedAt\":\"" + at + "\"" : "") + ",\"reopenCount\":0}");
    }

    private static Map<String, String> headers(String context, String subject, String type) {
        return TestKafkaClient.cloudEventHeaders(context, subject, type);
    }

    public static void send(String context, UUID incident, String type, String data) {
        TestKafkaClient.send(TestRun.topic(context), incident.toString(), data.getBytes(StandardCharsets.UTF_8), headers(context, incident.toString(), type));
    }

    public static ValidatableResponse as(String user, String role, String method, String path, Object body) {
        var request = given().auth().oauth2(Tokens.as(user, role));
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.when().request(method, path).then();
    }

    public static List<JsonPath> events(UUID incident, String type, int atLeast) {
        java.util.function.Function<List<ConsumerRecord<String, byte[]>>, List<JsonPath>> mine = records -> records.stream()
                .filter(r -> incident.toString().equals(r.key())).filter(r -> type.equals(TestKafkaClient.header(r, "ce_type")))
                .map(r -> JsonPath.from(new String(r.value(), StandardCharsets.UTF_8))).toList();
        return mine.apply(TestKafkaClient.readUntil(TestRun.topic("review"), records -> mine.apply(records).size() >= atLeast, WAIT));
    }

    public static void awaitPostmortem(Declared i) {
        await().atMost(WAIT).untilAsserted(() -> as("aude", "auditor", "GET", "/api/v1/review/incidents/" + i.id() + "/postmortem", null)
                .statusCode(200));
    }
}
