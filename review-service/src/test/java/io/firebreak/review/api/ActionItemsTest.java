package io.firebreak.review.api;

import static io.firebreak.review.api.ReviewFixtures.as;
import static io.firebreak.review.api.ReviewFixtures.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.firebreak.platform.deadline.DeadlineFiring;
import io.firebreak.review.api.ReviewFixtures.Declared;
import io.firebreak.testing.TestSmtp;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Action items on real PostgreSQL and Kafka: owners and deadlines required, evidence to close loops, overdue escalation, the quarterly review. */
@QuarkusTest
class ActionItemsTest {

    private final DeadlineFiring deadlines;

    ActionItemsTest(DeadlineFiring deadlines) {
        this.deadlines = deadlines;
    }

    private static Declared resolved(String service, String ic) {
        Instant declared = Instant.now().minus(Duration.ofHours(2));
        Declared i = ReviewFixtures.declared("P1", false, declared, service);
        ReviewFixtures.commander(i, ic, declared.plusSeconds(60));
        ReviewFixtures.status(i, "RESOLVED", declared.plusSeconds(1200));
        ReviewFixtures.awaitPostmortem(i);
        await().atMost(ReviewFixtures.WAIT).untilAsserted(() -> as("ivan", "incident-commander", "GET", items(i), null).statusCode(200));
        return i;
    }

    private static String items(Declared i) {
        return "/api/v1/review/incidents/" + i.id() + "/action-items";
    }

    private static Map<String, Object> item(String title, String owner, Instant deadline, String type) {
        Map<String, Object> m = new HashMap<>(Map.of("title", title, "priority", "HIGH", "type", type));
        if (owner != null) {
            m.put("owner", owner);
        }
        if (deadline != null) {
            m.put("deadline", deadline.toString());
        }
        return m;
    }

    @Test
    void anItemWithoutOwnerOrDeadlineIsRefusedAndNothingIsRecorded() {
        Declared i = resolved("checkout", "ivan");
        as("ivan", "incident-commander", "POST", items(i), item("Add a canary stage", null, null, "FIX")).statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItems("owner", "deadline"));
        as("ivan", "incident-commander", "POST", items(i), item("Add a canary stage", "ines", Instant.now().plusSeconds(86400), "PARTY"))
                .statusCode(400).body("violations.field", hasItem("type"));
        as("vera", "viewer", "GET", items(i), null).statusCode(200).body("size()", equalTo(0));
        as("rita", "responder", "POST", items(i), item("Add a canary stage", "ines", Instant.now().plusSeconds(86400), "FIX")).statusCode(403);
        String id = as("ivan", "incident-commander", "POST", items(i), item("Add a canary stage", "ines", Instant.now().plusSeconds(86400), "FIX"))
                .statusCode(201).body("state", equalTo("OPEN")).extract().path("id");
        assertThat(events(i.id(), "io.firebreak.action_item.created.v1", 1).get(0).getString("actionItemId")).isEqualTo(id);
    }

    @Test
    void aMonitoringItemClosesOnlyWithALinkToTheChangedAlertRule() {
        Declared i = resolved("checkout", "ivan");
        String id = as("ivan", "incident-commander", "POST", items(i), item("Alert on pool saturation", "ines",
                Instant.now().plusSeconds(86400), "MONITORING_CONFIGURATION")).statusCode(201).extract().path("id");
        as("ines", "responder", "POST", items(i) + "/" + id + "/completion", Map.of()).statusCode(400)
                .body("violations[0].message", containsString("alert rule"));
        as("ines", "responder", "POST", items(i) + "/" + id + "/completion", Map.of("evidence", "done")).statusCode(400);
        as("rita", "responder", "POST", items(i) + "/" + id + "/completion", Map.of("evidence", "https://git.example.com/alerts/pool.yaml"))
                .statusCode(403);
        as("ines", "responder", "POST", items(i) + "/" + id + "/completion", Map.of("evidence", "https://git.example.com/alerts/pool.yaml"))
                .statusCode(200).body("state", equalTo("DONE")).body("completedBy", equalTo("ines"));
        as("ines", "responder", "POST", items(i) + "/" + id + "/completion", Map.of("evidence", "https://git.example.com/alerts/pool.yaml"))
                .statusCode(409);
        assertThat(events(i.id(), "io.firebreak.action_item.completed.v1", 1).get(0).getString("evidence"))
                .isEqualTo("https://git.example.com/alerts/pool.yaml");
    }

    @Test
    void anOverdueItemIsPublishedAndEscalatedToTheOwnersManagerAndTheQuarterlyReviewShowsIt() throws Throwable {
        String service = "items-" + UUID.randomUUID().toString().substring(0, 8);
        ReviewFixtures.service(service, "team-" + service);
        ReviewFixtures.team("maria", List.of("nils"));
        Declared i = resolved(service, "ivan");
        Instant deadline = Instant.parse("2027-02-10T12:00:00Z");
        String late = as("ivan", "incident-commander", "POST", items(i), item("Write the failover runbook", "nils", deadline, "RUNBOOK_UPDATE"))
                .statusCode(201).extract().path("id");
        String done = as("ivan", "incident-commander", "POST", items(i), item("Fix the pool size", "nils", deadline, "FIX"))
                .statusCode(201).extract().path("id");
        as("nils", "responder", "POST", items(i) + "/" + done + "/completion", Map.of()).statusCode(200);

        VertxContextSupport.subscribeAndAwait(() -> deadlines.fireDue(deadline.plusSeconds(1)));
        var overdue = events(i.id(), "io.firebreak.action_item.overdue.v1", 1);
        assertThat(overdue).hasSize(1);
        assertThat(overdue.get(0).getString("actionItemId")).isEqualTo(late);
        assertThat(overdue.get(0).getList("escalatedTo")).containsExactly("maria");
        await().atMost(ReviewFixtures.WAIT).untilAsserted(() -> assertThat(TestSmtp.messagesTo("maria@test.invalid")).extracting(m -> m.getSubject())
                .contains("[Firebreak] Action item overdue: Write the failover runbook"));

        await().atMost(ReviewFixtures.WAIT).untilAsserted(() -> as("ed", "executive", "GET", "/api/v1/review/reviews/quarterly?quarter=2027-Q1", null)
                .statusCode(200).body("byTeam.'team-" + service + "'.items", equalTo(2)).body("byTeam.'team-" + service + "'.done", equalTo(1))
                .body("byType.FIX.done", equalTo(1))
                .body("overdue.find { it.id == '" + late + "' }.escalatedTo", equalTo(List.of("maria"))));
        as("ed", "executive", "POST", "/api/v1/review/reviews/quarterly", Map.of("quarter", "2027-Q1", "decisions",
                "Runbook time is planned into every team's sprint")).statusCode(201).body("reviewedBy", equalTo("ed"));
        as("ed", "executive", "POST", "/api/v1/review/reviews/quarterly", Map.of("quarter", "2027-Q1", "decisions", "again")).statusCode(409);
        as("ed", "executive", "GET", "/api/v1/review/reviews/quarterly?quarter=2027-Q1", null).statusCode(200)
                .body("review.decisions", equalTo("Runbook time is planned into every team's sprint"));
        as("ed", "executive", "GET", "/api/v1/review/reviews/quarterly", null).statusCode(400);
    }

    @Test
    void theReminderToHoldAQuarterlyReviewGoesOutAWeekAfterTheQuarterUnlessItWasHeld() throws Throwable {
        Declared i = resolved("checkout", "ivan");
        as("ivan", "incident-commander", "POST", items(i), item("Train the new on-call", "ines", Instant.parse("2027-05-10T12:00:00Z"),
                "TRAINING_MATERIAL")).statusCode(201);
        VertxContextSupport.subscribeAndAwait(() -> deadlines.fireDue(Instant.parse("2027-07-08T00:00:01Z")));
        await().atMost(ReviewFixtures.WAIT).untilAsserted(() -> assertThat(TestSmtp.messagesTo("postmortems@test.invalid"))
                .extracting(m -> m.getSubject()).contains("[Firebreak] Hold the 2027-Q2 action-item review"));
    }
}
