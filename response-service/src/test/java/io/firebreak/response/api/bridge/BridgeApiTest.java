package io.firebreak.response.api.bridge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.firebreak.platform.deadline.DeadlineFiring;
import io.firebreak.response.api.paging.PagingFixtures;
import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestSmtp;
import io.firebreak.testing.TestRun;
import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The bridge protocol through the API, with the checkpoint deadline fired as if time had passed. */
@QuarkusTest
class BridgeApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final DeadlineFiring deadlines;

    BridgeApiTest(DeadlineFiring deadlines) {
        this.deadlines = deadlines;
    }

    private void timePasses(Duration ahead) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> deadlines.fireDue(Instant.now().plus(ahead)));
    }

    private static RequestSpecification as(String user, String role) {
        return given().auth().oauth2(Tokens.as(user, role)).contentType(ContentType.JSON);
    }

    private static String bridge(UUID incident) {
        return "/api/v1/response/incidents/" + incident + "/bridge";
    }

    private static JsonPath state(UUID incident) {
        return given().auth().oauth2(Tokens.as("vera", "viewer")).get(bridge(incident)).then().statusCode(200).extract().jsonPath();
    }

    /** A P1 whose command the admin gave to {@code commander}, who accepted. */
    private static UUID commandedP1(String commander) {
        String owner = PagingFixtures.unique("owner");
        UUID incident = UUID.randomUUID();
        PagingFixtures.declare(incident, PagingFixtures.key(), PagingFixtures.serviceEscalatingTo(owner), "P1", List.of());
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as("vera", "viewer"))
                .get("/api/v1/response/incidents/" + incident).then().statusCode(200));
        PagingFixtures.qualify(commander, "INCIDENT_COMMANDER");
        String assignment = as("ada", "admin").body(Map.of("role", "INCIDENT_COMMANDER", "person", commander))
                .post("/api/v1/response/incidents/" + incident + "/roles").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.as(commander, "incident-commander"))
                .post("/api/v1/response/incidents/" + incident + "/roles/" + assignment + "/acceptance").then().statusCode(200);
        return incident;
    }

    @Test
    void aMissedCheckpointIsPublishedNamingTheCommanderRemindsHerByMailAndTheNextUpdateIsMarkedLate() throws Throwable {
        String olga = PagingFixtures.unique("olga");
        PagingFixtures.verifiedMethod(olga, "EMAIL", PagingFixtures.mail(olga));
        UUID incident = commandedP1(olga);
        given().auth().oauth2(Tokens.as("vera", "viewer")).get(bridge(incident)).then().statusCode(404);

        as("rita", "incident-commander").body(Map.of("url", "https://meet.example/inc")).put(bridge(incident)).then().statusCode(403);
        JsonPath opened = as(olga, "incident-commander").body(Map.of("url", "https://meet.example/inc", "dialIn", "+1 555 0100 #42"))
                .put(bridge(incident)).then().statusCode(200).body("cadenceMinutes", equalTo(30)).extract().jsonPath();
        Instant firstCheckpoint = Instant.parse(opened.getString("nextCheckpointAt"));
        assertThat(firstCheckpoint).isBetween(Instant.now().plusSeconds(25 * 60), Instant.now().plusSeconds(31 * 60));

        as("rita", "responder").body(Map.of("status", "investigating")).post(bridge(incident) + "/updates").then().statusCode(403);
        as(olga, "incident-commander").body(Map.of("status", "x", "nextCheckpointAt", Instant.now().plusSeconds(45 * 60).toString()))
                .post(bridge(incident) + "/updates").then().statusCode(400).body("violations.field", contains("nextCheckpointAt"));
        as(olga, "incident-commander").body(Map.of("status", "DB pool exhausted; rolling back",
                        "decisions", List.of(Map.of("decision", "roll back 14:02 deploy", "owner", "tess", "deadline", "2026-12-01T15:00:00Z"))))
                .post(bridge(incident) + "/updates").then().statusCode(201).body("seq", equalTo(1)).body("late", equalTo(false));

        timePasses(Duration.ofMinutes(20));
        assertThat(state(incident).getString("overdueSince")).as("the checkpoint has not passed yet").isNull();

        timePasses(Duration.ofMinutes(31));
        JsonPath overdue = state(incident);
        assertThat(overdue.getString("overdueSince")).isNotNull();
        java.util.function.Function<List<ConsumerRecord<String, byte[]>>, List<ConsumerRecord<String, byte[]>>> mine =
                records -> records.stream().filter(r -> incident.toString().equals(r.key()))
                        .filter(r -> "io.firebreak.bridge.update_overdue.v1".equals(TestKafkaClient.header(r, "ce_type"))).toList();
        List<ConsumerRecord<String, byte[]>> events = mine.apply(TestKafkaClient.readUntil(TestRun.topic("response"),
                records -> !mine.apply(records).isEmpty(), WAIT));
        JsonPath event = JsonPath.from(new String(events.get(0).value(), StandardCharsets.UTF_8));
        assertThat(event.getString("incidentCommander")).isEqualTo(olga);
        assertThat(event.getInt("cadenceMinutes")).isEqualTo(30);
        assertThat(Instant.parse(event.getString("checkpointAt"))).isEqualTo(Instant.parse(overdue.getString("overdueSince")));

        // The commander hears it on her own channel, once for this missed checkpoint.
        await().atMost(WAIT).until(() -> TestSmtp.messagesTo(PagingFixtures.mail(olga)).stream()
                .anyMatch(m -> subject(m).contains("bridge update overdue")));
        assertThat(TestSmtp.messagesTo(PagingFixtures.mail(olga)).stream().filter(m -> subject(m).contains("bridge update overdue")))
                .hasSize(1);

        // The next update answers the overdue: it is late, and the overdue ends.
        as(olga, "incident-commander").body(Map.of("status", "rolled back; errors falling",
                        "decisions", List.of(Map.of("decision", "keep deploys frozen", "owner", olga))))
                .post(bridge(incident) + "/updates").then().statusCode(201).body("seq", equalTo(2));
        JsonPath after = state(incident);
        assertThat(after.getString("overdueSince")).isNull();
        assertThat(after.getList("decisions.decision")).containsExactly("roll back 14:02 deploy", "keep deploys frozen");
        assertThat(after.getList("updates.recordedBy")).containsExactly(olga, olga);
    }

    @Test
    void theScribeMayRecordUpdatesAndAResolvedIncidentsBridgeIsOver() throws Throwable {
        String olga = PagingFixtures.unique("olga");
        UUID incident = commandedP1(olga);
        as(olga, "incident-commander").body(Map.of("cadenceMinutes", 15)).put(bridge(incident)).then().statusCode(200)
                .body("cadenceMinutes", equalTo(15));
        as(olga, "incident-commander").body(Map.of("cadenceMinutes", 2)).put(bridge(incident)).then().statusCode(400)
                .body("violations.field", contains("cadenceMinutes"));
        String scribe = as(olga, "incident-commander").body(Map.of("role", "SCRIBE", "person", "sid"))
                .post("/api/v1/response/incidents/" + incident + "/roles").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.as("sid", "responder")).post("/api/v1/response/incidents/" + incident + "/roles/" + scribe + "/acceptance")
                .then().statusCode(200);
        as("sid", "responder").body(Map.of("status", "monitoring")).post(bridge(incident) + "/updates").then().statusCode(201)
                .body("recordedBy", equalTo("sid"));

        as("rita", "responder").body(Map.of("action", "ACKNOWLEDGE")).post("/api/v1/response/incidents/" + incident + "/transitions")
                .then().statusCode(200);
        as("rita", "responder").body(Map.of("action", "RESOLVE", "resolutionSummary", "rolled back"))
                .post("/api/v1/response/incidents/" + incident + "/transitions").then().statusCode(200);
        as("sid", "responder").body(Map.of("status", "done")).post(bridge(incident) + "/updates").then().statusCode(409);
        timePasses(Duration.ofMinutes(16));
        assertThat(state(incident).getString("overdueSince")).as("no overdue once resolved").isNull();
        given().auth().oauth2(Tokens.as("vera", "viewer")).get(bridge(incident)).then().statusCode(200).body("overdueSince", nullValue());
    }

    private static String subject(jakarta.mail.internet.MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
