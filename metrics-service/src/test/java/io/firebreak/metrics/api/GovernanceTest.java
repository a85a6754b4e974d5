package io.firebreak.metrics.api;

import static io.firebreak.metrics.api.MetricsFixtures.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.firebreak.metrics.api.MetricsFixtures.Incident;
import io.firebreak.metrics.domain.facts.GovernanceReminder;
import io.firebreak.platform.deadline.DeadlineFiring;
import io.firebreak.platform.deadline.Deadlines;
import io.firebreak.testing.TestSmtp;
import io.firebreak.testing.Tokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Responder surveys after each resolved P1/P2, the quarterly governance review and its reminder, on real Kafka, PostgreSQL and SMTP. */
@QuarkusTest
class GovernanceTest {

    private final GovernanceReminder reminder;
    private final DeadlineFiring firing;
    private final Deadlines deadlines;

    GovernanceTest(GovernanceReminder reminder, DeadlineFiring firing, Deadlines deadlines) {
        this.reminder = reminder;
        this.firing = firing;
        this.deadlines = deadlines;
    }

    private static ValidatableResponse answer(String user, Object id, Object body) {
        return RestAssured.given().auth().oauth2(Tokens.as(user, "responder")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/metrics/surveys/" + id + "/answer").then();
    }

    private static ValidatableResponse review(String quarter, Object body) {
        return RestAssured.given().auth().oauth2(Tokens.as("erin", "executive")).contentType(ContentType.JSON).body(body)
                .put("/api/v1/metrics/governance/reviews/" + quarter).then();
    }

    @Test
    void everyParticipantOfAResolvedP1AnswersTheirOwnSurveyOnceAndTheQuarterlyReviewReadsTheAnswers() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String gina = "gina-" + suffix;
        String hal = "hal-" + suffix;
        // 2008-Q2 belongs to this test: a P1 paging gina and hal, resolved by hal; a drill and a P3 on the same people ask nothing.
        Incident p1 = MetricsFixtures.incident("checkout", Instant.parse("2008-05-06T10:00:00Z"));
        MetricsFixtures.declared(p1, "P1", false);
        MetricsFixtures.paged(p1, gina, "team-a", p1.declared().plusSeconds(5));
        MetricsFixtures.paged(p1, hal, "team-a", p1.declared().plusSeconds(5));
        MetricsFixtures.lifecycle(p1, "RESOLVED", hal, p1.declared().plusSeconds(60), null, p1.declared().plusSeconds(3_000), false);
        Incident drill = MetricsFixtures.incident("checkout", Instant.parse("2008-05-07T10:00:00Z"));
        MetricsFixtures.declared(drill, "P1", true);
        MetricsFixtures.paged(drill, gina, "team-a", drill.declared().plusSeconds(5));
        MetricsFixtures.lifecycle(drill, "RESOLVED", gina, drill.declared().plusSeconds(60), null, drill.declared().plusSeconds(600), true);
        Incident p3 = MetricsFixtures.incident("checkout", Instant.parse("2008-05-08T10:00:00Z"));
        MetricsFixtures.declared(p3, "P3", false);
        MetricsFixtures.paged(p3, gina, "team-a", p3.declared().plusSeconds(5));
        MetricsFixtures.lifecycle(p3, "RESOLVED", gina, p3.declared().plusSeconds(60), null, p3.declared().plusSeconds(600), false);

        await().atMost(MetricsFixtures.WAIT).untilAsserted(() -> {
            get(gina, "responder", "/api/v1/metrics/surveys/mine").statusCode(200).body("size()", equalTo(1))
                    .body("[0].incidentId", equalTo(p1.id().toString())).body("[0].priority", equalTo("P1"));
            get(hal, "responder", "/api/v1/metrics/surveys/mine").statusCode(200).body("size()", equalTo(1));
            get("erin", "executive", "/api/v1/metrics/incidents/" + p3.id()).statusCode(200).body("counted", equalTo(true));
            get("erin", "executive", "/api/v1/metrics/incidents/" + drill.id()).statusCode(200).body("drill", equalTo(true));
        });
        // Only now can the drill and the P3 have asked nothing of gina: their folds are done.
        get(gina, "responder", "/api/v1/metrics/surveys/mine").statusCode(200).body("size()", equalTo(1));
        String ginas = get(gina, "responder", "/api/v1/metrics/surveys/mine").extract().path("[0].surveyId");
        String hals = get(hal, "responder", "/api/v1/metrics/surveys/mine").extract().path("[0].surveyId");

        answer(gina, ginas, Map.of("rating", 7)).statusCode(400).contentType("application/problem+json").body("violations.field", hasItems("rating"));
        answer(gina, hals, Map.of("rating", 4)).statusCode(404);                      // not hers: it does not exist for her
        answer(gina, ginas, Map.of("rating", 4, "wentWell", "Paging reached us in seconds", "toImprove", "The runbook was stale"))
                .statusCode(200).body("rating", equalTo(4));
        answer(gina, ginas, Map.of("rating", 1)).statusCode(409).contentType("application/problem+json");   // an answer is final
        get(hal, "responder", "/api/v1/metrics/surveys/mine").statusCode(200).body("[0].answeredAt", equalTo(null));

        Map<String, Object> body = Map.of("heldAt", "2008-07-10T14:00:00Z",
                "policies", List.of(Map.of("name", "classification-policy", "version", "7"), Map.of("name", "escalation-windows", "version", "3")),
                "stakeholderFeedback", "Support wants status updates every 20 minutes",
                "decisions", List.of(Map.of("decision", "Status cadence 20 min for P1", "owner", "comms-lead", "due", "2008-09-30")));
        review("2008-Q2", body).statusCode(201).body("review.policies.version", hasItems("7", "3"));
        review("2008-Q2", body).statusCode(200);
        review("2008-Q2", Map.of("policies", List.of(Map.of("name", "x")))).statusCode(400).body("violations.field", hasItems("heldAt", "policies[0]"));
        // Hostile input found by the API fuzz run (it answered 500): a date past any timestamp, NUL in text and in JSON.
        review("2008-Q2", Map.of("heldAt", "+999999999-11-01T10:00:00Z", "policies", List.of(Map.of("name", "p", "version", "1"))))
                .statusCode(400).contentType("application/problem+json").body("violations.field", hasItems("heldAt"));
        review("2008-Q2", Map.of("heldAt", "1969-12-31T10:00:00Z", "policies", List.of(Map.of("name", "p", "version", "1"))))
                .statusCode(400).body("violations.message", hasItems("must not lie before 1970-01-01"));
        review("2008-Q2", Map.of("heldAt", "2008-07-10T14:00:00Z", "policies", List.of(Map.of("name", "p", "version", "1")),
                "stakeholderFeedback", "a\u0000b")).statusCode(400).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("https://firebreak.io/problems/invalid-value"));
        review("2008-Q2", Map.of("heldAt", "2008-07-10T14:00:00Z", "policies", List.of(Map.of("name", "p\u0000", "version", "1"))))
                .statusCode(400).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("https://firebreak.io/problems/invalid-value"));
        JsonPath quarter = get("aude", "auditor", "/api/v1/metrics/governance/reviews/2008-Q2").statusCode(200).extract().jsonPath();
        assertThat(quarter.getString("review.decisions[0].decision")).isEqualTo("Status cadence 20 min for P1");
        assertThat(quarter.getInt("responderFeedback.invited")).isEqualTo(2);
        assertThat(quarter.getInt("responderFeedback.answered")).isEqualTo(1);
        assertThat(quarter.getDouble("responderFeedback.averageRating")).isEqualTo(4.0);
        assertThat(quarter.getString("responderFeedback.comments[0].toImprove")).isEqualTo("The runbook was stale");
        assertThat(quarter.getMap("responderFeedback.comments[0]")).doesNotContainKeys("person", "incidentKey", "incidentId");
        get("sam", "service-owner", "/api/v1/metrics/governance/reviews/2008-Q2").statusCode(403);
    }

    @Test
    void aQuarterWithoutARecordedReviewIsRemindedAndAReviewedOneIsNot() throws Throwable {
        VertxContextSupport.subscribeAndAwait(reminder::ensureScheduled);
        Instant due = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> deadlines.pendingDueAt(GovernanceReminder.KIND,
                "quarterly")));
        io.firebreak.platform.time.Quarter remindedOf = io.firebreak.platform.time.Quarter.of(due).previous();
        assertThat(due).isEqualTo(remindedOf.next().start().plus(Duration.ofDays(14)));
        VertxContextSupport.subscribeAndAwait(() -> firing.fireDue(due.plusSeconds(1)));
        await().atMost(MetricsFixtures.WAIT).untilAsserted(() -> assertThat(TestSmtp.messagesTo("governance@test.invalid"))
                .extracting(m -> m.getSubject()).contains("[Firebreak] The " + remindedOf + " governance review is not recorded yet"));

        // The next quarter's review is recorded before its reminder is due: the reminder finds it and sends nothing.
        Instant next = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> deadlines.pendingDueAt(GovernanceReminder.KIND,
                "quarterly")));
        io.firebreak.platform.time.Quarter reviewed = io.firebreak.platform.time.Quarter.of(next).previous();
        assertThat(reviewed).isEqualTo(remindedOf.next());
        review(reviewed.toString(), Map.of("heldAt", reviewed.end().toString(), "policies", List.of(Map.of("name", "classification-policy",
                "version", "8")))).statusCode(201);
        VertxContextSupport.subscribeAndAwait(() -> firing.fireDue(next.plusSeconds(1)));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(TestSmtp.messagesTo("governance@test.invalid"))
                .extracting(m -> m.getSubject()).doesNotContain("[Firebreak] The " + reviewed + " governance review is not recorded yet"));
        Instant after = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> deadlines.pendingDueAt(GovernanceReminder.KIND,
                "quarterly")));
        assertThat(after).isEqualTo(reviewed.next().next().start().plus(Duration.ofDays(14)));
    }
}
