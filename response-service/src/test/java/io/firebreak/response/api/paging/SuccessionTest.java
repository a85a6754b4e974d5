package io.firebreak.response.api.paging;

import static io.firebreak.response.api.paging.PagingFixtures.declare;
import static io.firebreak.response.api.paging.PagingFixtures.key;
import static io.firebreak.response.api.paging.PagingFixtures.mail;
import static io.firebreak.response.api.paging.PagingFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.firebreak.platform.deadline.DeadlineFiring;
import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestRun;
import io.firebreak.testing.TestSmtp;
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

/** A role's succession is paged at once when its holder is marked unavailable — before or while they are paged. */
@QuarkusTest
class SuccessionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final DeadlineFiring deadlines;

    SuccessionTest(DeadlineFiring deadlines) {
        this.deadlines = deadlines;
    }

    /** An IC role schedule held by {@code holder} with {@code backup} as succession, for a new service; both reachable by mail. */
    private static String serviceWithIcSuccession(String holder, String backup) {
        String team = PagingFixtures.team("mona", holder, backup);
        PagingFixtures.qualify(holder, "INCIDENT_COMMANDER");
        PagingFixtures.qualify(backup, "INCIDENT_COMMANDER");
        PagingFixtures.schedule(team, "INCIDENT_COMMANDER", holder, List.of(backup));
        PagingFixtures.verifiedMethod(holder, "EMAIL", mail(holder));
        PagingFixtures.verifiedMethod(backup, "EMAIL", mail(backup));
        String service = unique("svc");
        PagingFixtures.service(service, team);
        PagingFixtures.awaitService(team, service);
        return service;
    }

    private static io.restassured.response.Response markUnavailable(String as, String role, String person, Instant from, Instant until) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("endsAt", until.toString(), "reason", "flight without connectivity"));
        if (from != null) {
            body.put("startsAt", from.toString());
        }
        return given().auth().oauth2(Tokens.as(as, role)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/response/people/" + person + "/unavailability");
    }

    private static JsonPath paging(UUID incident) {
        return given().auth().oauth2(Tokens.as("vera", "viewer")).get("/api/v1/response/incidents/" + incident + "/paging")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The data of the incident's events of one type on the response topic, once {@code count} of them are there. */
    private static List<JsonPath> events(UUID incident, String type, int count) {
        java.util.function.Function<List<ConsumerRecord<String, byte[]>>, List<JsonPath>> of = records -> records.stream()
                .filter(r -> incident.toString().equals(r.key()) && type.equals(TestKafkaClient.header(r, "ce_type")))
                .map(r -> JsonPath.from(new String(r.value(), StandardCharsets.UTF_8))).toList();
        return of.apply(TestKafkaClient.readUntil(TestRun.topic("response"), records -> of.apply(records).size() >= count, WAIT));
    }

    @Test
    void aHolderMarkedUnavailableWhilePagedHandsTheRoleToTheSuccessionAtOnce() {
        String holder = unique("ic");
        String backup = unique("backup");
        String service = serviceWithIcSuccession(holder, backup);
        UUID incident = UUID.randomUUID();
        declare(incident, key(), service, "P1", List.of());
        await().atMost(WAIT).until(() -> !TestSmtp.messagesTo(mail(holder)).isEmpty());
        assertThat(TestSmtp.messagesTo(mail(backup))).as("the backup waits for the holder's window").isEmpty();

        markUnavailable(holder, "responder", holder, null, Instant.now().plus(Duration.ofHours(2))).then().statusCode(201)
                .body("person", equalTo(holder)).body("markedBy", equalTo(holder));

        // No time passes: the succession is paged because the holder is away, not because the window ended.
        await().atMost(WAIT).until(() -> !TestSmtp.messagesTo(mail(backup)).isEmpty());
        JsonPath p = paging(incident);
        assertThat(p.getString("pages.find { it.person == '" + holder + "' }.status")).isEqualTo("CANCELLED");
        assertThat(p.getString("pages.find { it.person == '" + backup + "' }.level")).isEqualTo("1");
        assertThat(p.getInt("escalations.find { it.role == 'INCIDENT_COMMANDER' }.level")).isEqualTo(1);
        List<JsonPath> escalated = events(incident, "io.firebreak.escalation.escalated.v1", 1);
        assertThat(escalated).hasSize(1);
        assertThat(escalated.get(0).getString("reason")).isEqualTo("HOLDER_UNAVAILABLE");
        assertThat(escalated.get(0).getString("role")).isEqualTo("INCIDENT_COMMANDER");
        assertThat(PagingFixtures.eventTypes(incident, found -> true)).doesNotContain("io.firebreak.escalation.window_breached.v1");
    }

    @Test
    void aHolderAlreadyUnavailableIsSkippedAndTheSuccessionIsPagedFirst() {
        String holder = unique("ic");
        String backup = unique("backup");
        String service = serviceWithIcSuccession(holder, backup);
        markUnavailable("ada", "admin", holder, null, Instant.now().plus(Duration.ofHours(1))).then().statusCode(201);

        UUID incident = UUID.randomUUID();
        declare(incident, key(), service, "P1", List.of());
        await().atMost(WAIT).until(() -> !TestSmtp.messagesTo(mail(backup)).isEmpty());
        assertThat(paging(incident).getList("pages.person")).contains(backup).doesNotContain(holder);
        assertThat(TestSmtp.messagesTo(mail(holder))).isEmpty();
        assertThat(events(incident, "io.firebreak.escalation.escalated.v1", 1).get(0).getString("reason")).isEqualTo("NOBODY_AVAILABLE");
    }

    @Test
    void aMarkStartingLaterPassesThePageOnWhenItStartsByItsDurableDeadline() throws Throwable {
        String holder = unique("ic");
        String backup = unique("backup");
        String service = serviceWithIcSuccession(holder, backup);
        UUID incident = UUID.randomUUID();
        declare(incident, key(), service, "P1", List.of());
        await().atMost(WAIT).until(() -> !TestSmtp.messagesTo(mail(holder)).isEmpty());

        Instant start = Instant.now().plus(Duration.ofMinutes(2));
        markUnavailable("mona", "service-owner", holder, start, start.plus(Duration.ofHours(1))).then().statusCode(201)
                .body("markedBy", equalTo("mona"));
        assertThat(paging(incident).getString("pages.find { it.person == '" + holder + "' }.status")).as("not yet").isNotEqualTo("CANCELLED");

        // Three minutes on: the mark's start has come, the P1 window (five minutes) has not.
        VertxContextSupport.subscribeAndAwait(() -> deadlines.fireDue(Instant.now().plus(Duration.ofMinutes(3))));
        await().atMost(WAIT).until(() -> !TestSmtp.messagesTo(mail(backup)).isEmpty());
        assertThat(events(incident, "io.firebreak.escalation.escalated.v1", 1).get(0).getString("reason")).isEqualTo("HOLDER_UNAVAILABLE");
    }

    @Test
    void onlyThePersonAManagerOfTheirTeamOrAnAdminMayMarkThemAndAWithdrawnMarkIsKept() {
        String person = unique("p");
        PagingFixtures.team("mona", person);
        Instant until = Instant.now().plus(Duration.ofHours(3));

        markUnavailable("rick", "responder", person, null, until).then().statusCode(403).contentType("application/problem+json");
        markUnavailable("ada", "admin", person, null, Instant.now().minusSeconds(60)).then().statusCode(400)
                .body("violations[0].field", equalTo("endsAt"));
        markUnavailable("ada", "admin", person, null, Instant.now().plus(Duration.ofDays(91))).then().statusCode(400);
        String id = markUnavailable("mona", "service-owner", person, null, until).then().statusCode(201).extract().path("id");

        given().auth().oauth2(Tokens.as("rick", "responder")).delete("/api/v1/response/people/" + person + "/unavailability/" + id)
                .then().statusCode(403);
        given().auth().oauth2(Tokens.as("ada", "admin")).delete("/api/v1/response/people/other-" + person + "/unavailability/" + id)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.as(person, "responder")).delete("/api/v1/response/people/" + person + "/unavailability/" + id)
                .then().statusCode(200).body("cancelledBy", equalTo(person)).body("cancelledAt", notNullValue());
        given().auth().oauth2(Tokens.as("vera", "viewer")).get("/api/v1/response/people/" + person + "/unavailability")
                .then().statusCode(200).body("[0].id", equalTo(id)).body("[0].cancelledBy", equalTo(person));

        List<ConsumerRecord<String, byte[]>> records = TestKafkaClient.readUntil(TestRun.topic("response"), found -> found.stream()
                .filter(r -> person.equals(r.key()) && "io.firebreak.oncall.availability_changed.v1".equals(TestKafkaClient.header(r, "ce_type")))
                .count() >= 2, WAIT);
        List<String> changes = records.stream().filter(r -> person.equals(r.key())
                        && "io.firebreak.oncall.availability_changed.v1".equals(TestKafkaClient.header(r, "ce_type")))
                .map(r -> JsonPath.from(new String(r.value(), StandardCharsets.UTF_8)).getString("change")).toList();
        assertThat(changes).containsExactly("MARKED", "CANCELLED");
    }
}
