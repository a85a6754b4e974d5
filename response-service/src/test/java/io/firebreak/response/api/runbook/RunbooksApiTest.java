package io.firebreak.response.api.runbook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.firebreak.platform.deadline.DeadlineFiring;
import io.firebreak.response.api.paging.PagingFixtures;
import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestRun;
import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Role runbooks and incident checklists through the API, with item deadlines fired as if time had passed. */
@QuarkusTest
class RunbooksApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final DeadlineFiring deadlines;

    RunbooksApiTest(DeadlineFiring deadlines) {
        this.deadlines = deadlines;
    }

    private void timePasses(Duration ahead) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> deadlines.fireDue(Instant.now().plus(ahead)));
    }

    private static String path(UUID incident) {
        return "/api/v1/response/incidents/" + incident;
    }

    @Test
    void theCommandersChecklistComesFromTheLatestRunbookIsTickedByTheHolderAndAMissedCriticalItemIsPublished() throws Throwable {
        given().auth().oauth2(Tokens.as("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("items", List.of(Map.of("key", "Bad Key", "text", "x"), Map.of("key", "dup", "text", "a"),
                        Map.of("key", "dup", "text", " ", "dueMinutes", 0))))
                .put("/api/v1/response/runbooks/INCIDENT_COMMANDER/P1").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("items[0].key", "items[2].key", "items[2].text", "items[2].dueMinutes"));
        int version = given().auth().oauth2(Tokens.as("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("items", List.of(
                        Map.of("key", "confirm-priority", "text", "Confirm the priority", "critical", true, "dueMinutes", 5),
                        Map.of("key", "open-bridge", "text", "Open the bridge", "critical", true, "dueMinutes", 10),
                        Map.of("key", "notes", "text", "Keep notes", "critical", false))))
                .put("/api/v1/response/runbooks/INCIDENT_COMMANDER/P1").then().statusCode(201).extract().path("version");
        assertThat(version).as("the seeded version 1 stays; this is a new one").isGreaterThan(1);

        String owner = PagingFixtures.unique("owner");
        UUID incident = UUID.randomUUID();
        PagingFixtures.declare(incident, PagingFixtures.key(), PagingFixtures.serviceEscalatingTo(owner), "P1", List.of());
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as("vera", "viewer")).get(path(incident)).then().statusCode(200));
        String olga = PagingFixtures.unique("olga");
        PagingFixtures.verifiedMethod(olga, "EMAIL", PagingFixtures.mail(olga));
        PagingFixtures.qualify(olga, "INCIDENT_COMMANDER");
        String role = given().auth().oauth2(Tokens.as("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("role", "INCIDENT_COMMANDER", "person", olga)).post(path(incident) + "/roles").then().statusCode(201).extract().path("id");
        String acceptedAt = given().auth().oauth2(Tokens.as(olga, "incident-commander")).post(path(incident) + "/roles/" + role + "/acceptance")
                .then().statusCode(200).extract().path("acceptedAt");

        JsonPath checklist = given().auth().oauth2(Tokens.as("vera", "viewer")).get(path(incident) + "/checklist").then().statusCode(200)
                .extract().jsonPath();
        assertThat(checklist.getList("key")).containsExactly("confirm-priority", "open-bridge", "notes");
        assertThat(checklist.getList("runbookVersion", Integer.class)).containsOnly(version);
        assertThat(Instant.parse(checklist.getString("find { it.key == 'confirm-priority' }.dueAt")))
                .isEqualTo(Instant.parse(acceptedAt).plus(Duration.ofMinutes(5)));
        String confirm = checklist.getString("find { it.key == 'confirm-priority' }.id");
        String bridge = checklist.getString("find { it.key == 'open-bridge' }.id");

        given().auth().oauth2(Tokens.as("rita", "responder")).post(path(incident) + "/checklist/" + confirm + "/completion").then().statusCode(403);
        given().auth().oauth2(Tokens.as(olga, "incident-commander")).post(path(incident) + "/checklist/" + confirm + "/completion")
                .then().statusCode(200).body("doneBy", equalTo(olga));
        given().auth().oauth2(Tokens.as(olga, "incident-commander")).post(path(incident) + "/checklist/" + confirm + "/completion")
                .then().statusCode(409);

        timePasses(Duration.ofMinutes(11));
        JsonPath after = given().auth().oauth2(Tokens.as("vera", "viewer")).get(path(incident) + "/checklist").then().statusCode(200)
                .extract().jsonPath();
        assertThat(after.getString("find { it.key == 'open-bridge' }.overdueAt")).isNotNull();
        assertThat(after.getString("find { it.key == 'confirm-priority' }.overdueAt")).as("ticked in time").isNull();
        assertThat(after.getString("find { it.key == 'notes' }.overdueAt")).as("not critical").isNull();

        java.util.function.Function<List<ConsumerRecord<String, byte[]>>, List<JsonPath>> mine =
                records -> records.stream().filter(r -> incident.toString().equals(r.key()))
                        .filter(r -> "io.firebreak.runbook.item_overdue.v1".equals(TestKafkaClient.header(r, "ce_type")))
                        .map(r -> JsonPath.from(new String(r.value(), StandardCharsets.UTF_8))).toList();
        List<JsonPath> overdue = mine.apply(TestKafkaClient.readUntil(TestRun.topic("response"), records -> !mine.apply(records).isEmpty(), WAIT));
        assertThat(overdue).extracting(e -> e.getString("itemId")).containsExactly(bridge);
        assertThat(overdue.get(0).getString("holder")).isEqualTo(olga);
        assertThat(overdue.get(0).getString("incidentCommander")).isEqualTo(olga);
        assertThat(overdue.get(0).getInt("runbookVersion")).isEqualTo(version);
        await().atMost(WAIT).until(() -> io.firebreak.testing.TestSmtp.messagesTo(PagingFixtures.mail(olga)).stream()
                .anyMatch(m -> subject(m).contains("checklist item overdue")));
        assertThat(io.firebreak.testing.TestSmtp.messagesTo(PagingFixtures.mail(olga)).stream()
                .filter(m -> subject(m).contains("checklist item overdue"))).hasSize(1);
    }

    private static String subject(jakarta.mail.internet.MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
