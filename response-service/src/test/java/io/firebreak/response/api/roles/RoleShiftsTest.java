package io.firebreak.response.api.roles;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

/** The maximum shift in a role on an extended incident: reminder before, event at its end; a handover restarts it. */
@QuarkusTest
class RoleShiftsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final DeadlineFiring deadlines;

    RoleShiftsTest(DeadlineFiring deadlines) {
        this.deadlines = deadlines;
    }

    private void timePasses(Duration ahead) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> deadlines.fireDue(Instant.now().plus(ahead)));
    }

    private static String path(UUID incident) {
        return "/api/v1/response/incidents/" + incident;
    }

    private static List<JsonPath> events(UUID incident, String type, java.util.function.Predicate<List<JsonPath>> enough) {
        java.util.function.Function<List<ConsumerRecord<String, byte[]>>, List<JsonPath>> mine =
                records -> records.stream().filter(r -> incident.toString().equals(r.key()))
                        .filter(r -> type.equals(TestKafkaClient.header(r, "ce_type")))
                        .map(r -> JsonPath.from(new String(r.value(), StandardCharsets.UTF_8))).toList();
        return mine.apply(TestKafkaClient.readUntil(TestRun.topic("response"), records -> enough.test(mine.apply(records)), WAIT));
    }

    @Test
    void aP1CommanderIsRemindedBeforeFourHoursAndTheManagerHearsWhenTheShiftIsExceededAfterAHandoverRestartsIt() throws Throwable {
        String owner = PagingFixtures.unique("owner");
        UUID incident = UUID.randomUUID();
        PagingFixtures.declare(incident, PagingFixtures.key(), PagingFixtures.serviceEscalatingTo(owner), "P1", List.of());
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as("vera", "viewer")).get(path(incident)).then().statusCode(200));
        String olga = PagingFixtures.unique("olga");
        String ivy = PagingFixtures.unique("ivy");
        PagingFixtures.qualify(olga, "INCIDENT_COMMANDER");
        PagingFixtures.qualify(ivy, "INCIDENT_COMMANDER");
        PagingFixtures.verifiedMethod(olga, "EMAIL", PagingFixtures.mail(olga));
        PagingFixtures.verifiedMethod(ivy, "EMAIL", PagingFixtures.mail(ivy));
        String first = given().auth().oauth2(Tokens.as("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("role", "INCIDENT_COMMANDER", "person", olga)).post(path(incident) + "/roles").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(Tokens.as(olga, "incident-commander")).post(path(incident) + "/roles/" + first + "/acceptance").then().statusCode(200);

        // Handed over at once: olga's shift ends with it, ivy's starts.
        String handover = given().auth().oauth2(Tokens.as(olga, "incident-commander")).contentType(ContentType.JSON)
                .body(Map.of("assignmentId", first, "to", ivy, "brief", Map.of("currentStatus", "investigating")))
                .post(path(incident) + "/handovers").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.as(ivy, "incident-commander")).contentType(ContentType.JSON).body(Map.of("briefVersion", 1))
                .post(path(incident) + "/handovers/" + handover + "/acknowledgement").then().statusCode(200);

        timePasses(Duration.ofMinutes(3 * 60 + 31));
        List<JsonPath> due = events(incident, "io.firebreak.role.handover_due.v1", list -> list.stream().anyMatch(e -> ivy.equals(e.getString("person"))));
        assertThat(due).extracting(e -> e.getString("person")).as("the released holder is not reminded").containsOnly(ivy);
        assertThat(Duration.between(Instant.parse(due.get(0).getString("heldSince")), Instant.parse(due.get(0).getString("shiftEndsAt"))))
                .isEqualTo(Duration.ofHours(4));

        timePasses(Duration.ofMinutes(4 * 60 + 1));
        JsonPath exceeded = events(incident, "io.firebreak.role.shift_exceeded.v1", list -> !list.isEmpty()).get(0);
        assertThat(exceeded.getString("person")).isEqualTo(ivy);
        assertThat(exceeded.getString("role")).isEqualTo("INCIDENT_COMMANDER");
        assertThat(exceeded.getString("incidentCommander")).isEqualTo(ivy);
        assertThat(exceeded.getString("teamManager")).as("the owning team's manager").isEqualTo("mona");

        // Both reached ivy's own mailbox; olga, released by the handover, heard nothing.
        await().atMost(WAIT).until(() -> subjects(ivy).stream().anyMatch(t -> t.contains("INCIDENT_COMMANDER shift exceeded")));
        assertThat(subjects(ivy)).filteredOn(t -> t.contains("INCIDENT_COMMANDER shift ends soon")).hasSize(1);
        assertThat(subjects(olga)).noneMatch(t -> t.contains("shift"));
    }

    private static List<String> subjects(String person) {
        return io.firebreak.testing.TestSmtp.messagesTo(PagingFixtures.mail(person)).stream().map(m -> {
            try {
                return m.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
