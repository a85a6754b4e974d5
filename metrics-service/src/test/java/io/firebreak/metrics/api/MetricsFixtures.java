package io.firebreak.metrics.api;

import static io.restassured.RestAssured.given;

import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestRun;
import io.firebreak.testing.Tokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/** What classification and response publish, sent to their real topics, so metrics builds its picture as in production. */
final class MetricsFixtures {

    static final Duration WAIT = Duration.ofSeconds(30);

    /** Summaries' percentiles are the middle of a histogram bucket: within 1/32 of the true value (docs/metrics.md). */
    static final org.assertj.core.data.Percentage PRECISION = org.assertj.core.data.Percentage.withPercentage(3.125);

    private MetricsFixtures() {
    }

    /** A declaration moment no other test uses: each test reads a period of its own. */
    static Instant uniqueMoment() {
        return Instant.parse("2019-01-01T00:00:00Z").plusSeconds(ThreadLocalRandom.current().nextLong(0, 3L * 365 * 86_400)).plusMillis(0);
    }

    record Incident(UUID id, String key, String service, Instant detected, Instant declared) {
    }

    static Incident incident(String service, Instant declared) {
        return new Incident(UUID.randomUUID(), "INC-2019-" + ThreadLocalRandom.current().nextInt(10_000, 99_999), service,
                declared.minusSeconds(120), declared);
    }

    private static final ThreadLocal<List<ProducerRecord<String, byte[]>>> BURST = new ThreadLocal<>();

    /**
     * Sends every event the fixtures make in {@code events} in one burst from one producer, in the order made, so that
     * the consumers poll them in batches.
     */
    static void burst(Runnable events) {
        List<ProducerRecord<String, byte[]>> records = new java.util.ArrayList<>();
        BURST.set(records);
        try {
            events.run();
        } finally {
            BURST.remove();
        }
        TestKafkaClient.sendAll(records);
    }

    /** Sends (or adds to the {@link #burst}) and answers the event's id (its ce_id). */
    static String send(String context, String key, String type, String data) {
        if (BURST.get() != null) {
            ProducerRecord<String, byte[]> record = TestKafkaClient.cloudEvent(TestRun.topic(context), key, type, data);
            BURST.get().add(record);
            return TestKafkaClient.eventId(record);
        }
        Map<String, String> headers = TestKafkaClient.cloudEventHeaders(context, key, type);
        TestKafkaClient.send(TestRun.topic(context), key, data.getBytes(StandardCharsets.UTF_8), headers);
        return headers.get("ce_id");
    }

    static String declared(Incident i, String priority, boolean drill) {
        return declared(i, priority, drill, null);
    }

    /** An auto-declared incident carries its alert group's fingerprint. */
    static String declared(Incident i, String priority, boolean drill, String fingerprint) {
        return declared(i, priority, drill, fingerprint == null ? null : UUID.randomUUID(), fingerprint);
    }

    static String declared(Incident i, String priority, boolean drill, UUID group, String fingerprint) {
        return send("classification", i.id().toString(), "io.firebreak.incident.declared.v1", "{\"incidentId\":\"" + i.id() + "\",\"key\":\""
                + i.key() + "\",\"title\":\"Checkout down\",\"summary\":\"503s\",\"businessService\":\"" + i.service() + "\",\"priority\":\""
                + priority + "\",\"detectedAt\":\"" + i.detected() + "\",\"declaredAt\":\"" + i.declared() + "\",\"declaredBy\":\"ines\","
                + "\"responsibleTeams\":[],\"drill\":" + drill + (group == null ? "" : ",\"alertGroupId\":\"" + group + "\"")
                + (fingerprint == null ? "" : ",\"alertFingerprint\":\"" + fingerprint + "\"") + "}");
    }

    /** Review's post-mortem publication with its contributing factors. */
    static String postmortemPublished(Incident i, List<String> factors) {
        String list = String.join(",", factors.stream().map(f -> "\"" + f + "\"").toList());
        return send("review", i.id().toString(), "io.firebreak.postmortem.published.v1", "{\"incidentId\":\"" + i.id() + "\",\"incidentKey\":\""
                + i.key() + "\",\"postmortemId\":\"" + UUID.randomUUID() + "\",\"state\":\"PUBLISHED\",\"owner\":\"ivan\",\"dueAt\":\""
                + Instant.now().plusSeconds(3600) + "\",\"resolvedAt\":\"" + Instant.now().minusSeconds(3600) + "\",\"by\":\"ivan\",\"at\":\""
                + Instant.now() + "\",\"priority\":\"P1\",\"drill\":false,\"contributingFactors\":[" + list + "]}");
    }

    static String priorityChanged(Incident i, String from, String to, Instant at) {
        return MetricsFixtures.send("classification", i.id().toString(), "io.firebreak.incident.priority_changed.v1", "{\"incidentId\":\""
                + i.id() + "\",\"key\":\"" + i.key() + "\",\"businessService\":\"" + i.service() + "\",\"previousPriority\":\"" + from
                + "\",\"priority\":\"" + to + "\",\"reason\":\"RECLASSIFIED\",\"changedBy\":\"ines\",\"changedAt\":\"" + at + "\"}");
    }

    static String paged(Incident i, String person, String teamId, Instant at) {
        return send("response", i.id().toString(), "io.firebreak.page.triggered.v1", "{\"incidentId\":\"" + i.id() + "\",\"incidentKey\":\""
                + i.key() + "\",\"pageId\":\"" + UUID.randomUUID() + "\",\"escalationId\":\"" + UUID.randomUUID() + "\",\"person\":\"" + person
                + "\",\"teamId\":\"" + teamId + "\",\"level\":1,\"round\":1,\"priority\":\"P1\",\"drill\":false,\"declaredAt\":\"" + i.declared()
                + "\",\"triggeredAt\":\"" + at + "\"}");
    }

    static String escalated(Incident i, String teamId, Instant levelStarted, Instant at) {
        return send("response", i.id().toString(), "io.firebreak.escalation.escalated.v1", "{\"incidentId\":\"" + i.id() + "\",\"escalationId\":\""
                + UUID.randomUUID() + "\",\"teamId\":\"" + teamId + "\",\"fromLevel\":1,\"toLevel\":2,\"round\":1,\"priority\":\"P1\",\"drill\":false,"
                + "\"levelStartedAt\":\"" + levelStarted + "\",\"escalatedAt\":\"" + at + "\"}");
    }

    static String acknowledged(Incident i, Instant at) {
        return send("response", i.id().toString(), "io.firebreak.page.acknowledged.v1", "{\"incidentId\":\"" + i.id() + "\",\"incidentKey\":\""
                + i.key() + "\",\"acknowledgedBy\":\"dora\",\"via\":\"LINK\",\"priority\":\"P1\",\"drill\":false,\"declaredAt\":\"" + i.declared()
                + "\",\"acknowledgedAt\":\"" + at + "\"}");
    }

    /** Response's lifecycle record after a transition; null moments are left out. */
    static String lifecycle(Incident i, String status, String by, Instant acknowledged, Instant mitigated, Instant resolved, boolean drill) {
        return send("response", i.id().toString(), "io.firebreak.response." + status.toLowerCase() + ".v1", "{\"incidentId\":\"" + i.id()
                + "\",\"incidentKey\":\"" + i.key() + "\",\"businessService\":\"" + i.service() + "\",\"priority\":\"P1\",\"drill\":" + drill
                + ",\"status\":\"" + status + "\",\"previousStatus\":\"DECLARED\",\"changedBy\":\"" + by + "\",\"changedAt\":\""
                + (resolved != null ? resolved : mitigated != null ? mitigated : acknowledged) + "\",\"detectedAt\":\"" + i.detected()
                + "\",\"declaredAt\":\"" + i.declared() + "\"" + (acknowledged == null ? "" : ",\"acknowledgedAt\":\"" + acknowledged + "\"")
                + (mitigated == null ? "" : ",\"mitigatedAt\":\"" + mitigated + "\"") + (resolved == null ? "" : ",\"resolvedAt\":\"" + resolved + "\"")
                + ",\"reopenCount\":0}");
    }

    static void team(String teamId, String name, List<String> members) {
        String list = String.join(",", members.stream().map(m -> "\"" + m + "\"").toList());
        send("response", teamId, "io.firebreak.team.changed.v1", "{\"teamId\":\"" + teamId + "\",\"name\":\"" + name + "\",\"manager\":\"maria\","
                + "\"members\":[" + list + "],\"change\":\"created\",\"changedBy\":\"root\",\"changedAt\":\"" + Instant.now() + "\"}");
    }

    static void service(String name, String owningTeam) {
        send("classification", name, "io.firebreak.service.registered.v1", "{\"name\":\"" + name + "\",\"tier\":1,\"owningTeam\":\"" + owningTeam
                + "\",\"owners\":[\"sam\"],\"customerFacing\":true,\"regulated\":false,\"change\":\"registered\",\"changedBy\":\"sam\","
                + "\"changedAt\":\"" + Instant.now() + "\",\"dependsOn\":[]}");
    }

    static ValidatableResponse get(String user, String role, String path) {
        return given().auth().oauth2(Tokens.as(user, role)).when().get(path).then();
    }

    static String period(Instant at) {
        return "from=" + at.minusSeconds(1) + "&until=" + at.plusSeconds(1);
    }

    /** Metrics' findings of {@code rule} about the incident, read from its topic until {@code atLeast} arrived. */
    static List<JsonPath> events(UUID incident, String rule, int atLeast) {
        java.util.function.Function<List<ConsumerRecord<String, byte[]>>, List<JsonPath>> mine = records -> records.stream()
                .filter(r -> incident.toString().equals(r.key()))
                .map(r -> JsonPath.from(new String(r.value(), StandardCharsets.UTF_8))).filter(j -> rule.equals(j.getString("rule"))).toList();
        return mine.apply(TestKafkaClient.readUntil(TestRun.topic("metrics"), records -> mine.apply(records).size() >= atLeast, WAIT));
    }
}
