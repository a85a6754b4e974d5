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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Post-mortems opened from response's resolution, timelines assembled from every topic and validated, on real PostgreSQL and Kafka. */
@QuarkusTest
class PostmortemsTest {

    private final DeadlineFiring deadlines;

    PostmortemsTest(DeadlineFiring deadlines) {
        this.deadlines = deadlines;
    }

    private static String base(Declared i) {
        return "/api/v1/review/incidents/" + i.id();
    }

    /** A P1 whose timeline is clean: paged, acknowledged, status published, resolved by its commander {@code ic}. */
    private static Declared resolvedP1(String ic, Instant declaredAt, boolean ackBeforePage) {
        Declared i = ReviewFixtures.declared("P1", false, declaredAt);
        ReviewFixtures.commander(i, ic, declaredAt.plusSeconds(120));
        UUID page = ReviewFixtures.paged(i, ic, declaredAt.plusSeconds(60));
        ReviewFixtures.acknowledged(i, page, ic, ackBeforePage ? declaredAt.plusSeconds(30) : declaredAt.plusSeconds(90));
        ReviewFixtures.statusPublished(i, declaredAt.plusSeconds(600));
        ReviewFixtures.status(i, "RESOLVED", declaredAt.plusSeconds(1200));
        ReviewFixtures.awaitPostmortem(i);
        // Each topic is consumed on its own: wait until all three sources reached the timeline.
        await().atMost(ReviewFixtures.WAIT).untilAsserted(() -> as("aude", "auditor", "GET", base(i) + "/timeline", null).statusCode(200)
                .body("entries.kind", hasItems("DECLARED", "PAGED", "ACKNOWLEDGED", "STATUS_PUBLISHED", "RESOLVED")));
        return i;
    }

    @Test
    void aResolvedP1OpensAPostmortemOwnedByItsCommanderDue72HoursAfterResolution() {
        Instant declared = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        Declared i = resolvedP1("ivan", declared, false);
        Instant resolved = declared.plusSeconds(1200);
        as("vera", "viewer", "GET", base(i) + "/postmortem", null).statusCode(200).body("state", equalTo("DRAFT"))
                .body("owner", equalTo("ivan")).body("resolvedAt", equalTo(resolved.toString()))
                .body("dueAt", equalTo(resolved.plus(Duration.ofHours(72)).toString()));
        var opened = events(i.id(), "io.firebreak.postmortem.opened.v1", 1);
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).getString("owner")).isEqualTo("ivan");
        // The timeline came from classification's, response's and comms' topics.
        as("vera", "viewer", "GET", base(i) + "/timeline", null).statusCode(200)
                .body("entries.kind", hasItems("DETECTED", "DECLARED", "PAGED", "ACKNOWLEDGED", "STATUS_PUBLISHED", "RESOLVED"))
                .body("entries.source", hasItems("classification", "response", "comms")).body("openFlags", equalTo(0));
    }

    @Test
    void drillsAndLowerPrioritiesGetNoPostmortem() {
        Declared drill = ReviewFixtures.declared("P1", true, Instant.now().minusSeconds(600));
        Declared p3 = ReviewFixtures.declared("P3", false, Instant.now().minusSeconds(600));
        ReviewFixtures.status(drill, "RESOLVED", Instant.now());
        ReviewFixtures.status(p3, "RESOLVED", Instant.now());
        Declared p2 = ReviewFixtures.declared("P2", false, Instant.now().minusSeconds(600));
        ReviewFixtures.status(p2, "RESOLVED", Instant.now());
        ReviewFixtures.awaitPostmortem(p2);
        as("aude", "auditor", "GET", base(drill) + "/postmortem", null).statusCode(404);
        as("aude", "auditor", "GET", base(p3) + "/postmortem", null).statusCode(404);
    }

    @Test
    void anAcknowledgementBeforeItsPageRaisesAFlagThatBlocksPublicationUntilResolved() {
        Declared i = resolvedP1("olga", Instant.now().minus(Duration.ofHours(1)), true);
        as("olga", "incident-commander", "PUT", base(i) + "/postmortem", Map.of("summary", "A release exhausted the checkout pool."))
                .statusCode(200);
        as("olga", "incident-commander", "POST", base(i) + "/postmortem/submit", null).statusCode(200).body("state", equalTo("IN_REVIEW"));
        String key = as("vera", "viewer", "GET", base(i) + "/timeline", null).statusCode(200).body("openFlags", equalTo(1))
                .body("flags[0].rule", equalTo("IMPOSSIBLE_ORDER")).body("flags[0].message", containsString("acknowledged before it was paged"))
                .extract().path("flags[0].key");
        assertThat(events(i.id(), "io.firebreak.timeline.flag_raised.v1", 1).get(0).getString("flagKey")).isEqualTo(key);

        as("olga", "incident-commander", "POST", base(i) + "/postmortem/publish", null).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("1 unresolved flag(s)")).body("detail", containsString(key));
        as("olga", "incident-commander", "POST", base(i) + "/timeline/flags/" + key + "/resolution", Map.of("resolution", "MAYBE", "note", "x"))
                .statusCode(400);
        as("olga", "incident-commander", "POST", base(i) + "/timeline/flags/" + key + "/resolution",
                Map.of("resolution", "ACCEPTED", "note", "The pager's clock runs 40 s ahead; the page came first")).statusCode(200)
                .body("openFlags", equalTo(0)).body("flags[0].resolvedBy", equalTo("olga"));
        as("olga", "incident-commander", "POST", base(i) + "/postmortem/publish", null).statusCode(200).body("state", equalTo("PUBLISHED"));
        assertThat(events(i.id(), "io.firebreak.postmortem.published.v1", 1).get(0).getString("by")).isEqualTo("olga");
    }

    @Test
    void aRecollectionFarFromTheRecordIsFlaggedAndBlameLanguageIsShownToTheAuthor() {
        Instant declared = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Declared i = resolvedP1("ivan", declared, false);
        as("ines", "responder", "POST", base(i) + "/timeline/recollections", Map.of("at", declared.plusSeconds(1500).toString(),
                "kind", "ACKNOWLEDGED", "title", "I acknowledged the page from the train")).statusCode(200)
                .body("flags.rule", hasItem("RECOLLECTION_CONTRADICTS"));
        as("ines", "responder", "POST", base(i) + "/timeline/logs", Map.of("at", declared.toString(), "title", "x")).statusCode(400)
                .body("violations.field", hasItem("source"));
        as("ivan", "incident-commander", "PUT", base(i) + "/postmortem", Map.of("summary",
                "The pool ran out after the 1.5.0 release. Ines caused the outage by skipping the canary. It was careless."))
                .statusCode(200).body("blamelessFlags.rule", hasItems("PERSON_AS_CAUSE", "BLAME_LANGUAGE"));
        as("rita", "responder", "PUT", base(i) + "/postmortem", Map.of("summary", "mine now")).statusCode(403);
    }

    @Test
    void anOverduePostmortemIsPublishedAndRemindsTheOwnerAndTheCommandersManager() throws Throwable {
        ReviewFixtures.team("mona", List.of("kurt", "lena"));
        Declared i = resolvedP1("kurt", Instant.now().minus(Duration.ofHours(1)), false);
        Instant due = Instant.parse(as("aude", "auditor", "GET", base(i) + "/postmortem", null).extract().path("dueAt"));
        VertxContextSupport.subscribeAndAwait(() -> deadlines.fireDue(due.minusSeconds(1)));
        VertxContextSupport.subscribeAndAwait(() -> deadlines.fireDue(due.plusSeconds(1)));
        assertThat(events(i.id(), "io.firebreak.postmortem.overdue.v1", 1)).hasSize(1);
        as("aude", "auditor", "GET", base(i) + "/postmortem", null).statusCode(200).body("overdueAt", equalTo(due.toString()));
        await().atMost(ReviewFixtures.WAIT).untilAsserted(() -> {
            assertThat(TestSmtp.messagesTo("kurt@test.invalid")).extracting(m -> m.getSubject()).contains("[Firebreak] Post-mortem of " + i.key() + " overdue");
            assertThat(TestSmtp.messagesTo("mona@test.invalid")).extracting(m -> m.getSubject()).contains("[Firebreak] Post-mortem of " + i.key() + " overdue");
        });
    }

    @Test
    void aPostmortemOfARestrictedIncidentIsHiddenOutsideItsWarRoom() {
        Declared i = resolvedP1("ivan", Instant.now().minus(Duration.ofHours(1)), false);
        ReviewFixtures.send("response", i.id(), "io.firebreak.warroom.restricted.v1", "{\"incidentId\":\"" + i.id() + "\",\"incidentKey\":\""
                + i.key() + "\",\"restricted\":true,\"reason\":\"data exposure\",\"by\":\"ivan\",\"at\":\"" + Instant.now() + "\",\"members\":[\"ivan\"],"
                + "\"drill\":false}");
        await().atMost(ReviewFixtures.WAIT).untilAsserted(() -> as("vera", "viewer", "GET", base(i) + "/postmortem", null).statusCode(404));
        as("vera", "viewer", "GET", base(i) + "/timeline", null).statusCode(404);
        as("ivan", "incident-commander", "GET", base(i) + "/postmortem", null).statusCode(200);
        as("aude", "auditor", "GET", base(i) + "/timeline", null).statusCode(200);
    }
}
