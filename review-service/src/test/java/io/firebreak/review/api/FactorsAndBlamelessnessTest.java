package io.firebreak.review.api;

import static io.firebreak.review.api.ReviewFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.firebreak.review.api.ReviewFixtures.Declared;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Contributing factors tied to the timeline, their trends across incidents, and blamelessness flags that block publication until handled. */
@QuarkusTest
class FactorsAndBlamelessnessTest {

    private static String base(Declared i) {
        return "/api/v1/review/incidents/" + i.id();
    }

    /** A resolved P1 of {@code service} with a clean timeline, commanded by {@code ic}; answers it once review has all of it. */
    private static Declared resolved(String service, String ic, Instant declaredAt) {
        Declared i = ReviewFixtures.declared("P1", false, declaredAt, service);
        ReviewFixtures.commander(i, ic, declaredAt.plusSeconds(120));
        UUID page = ReviewFixtures.paged(i, "ines", declaredAt.plusSeconds(60));
        ReviewFixtures.acknowledged(i, page, "ines", declaredAt.plusSeconds(90));
        ReviewFixtures.statusPublished(i, declaredAt.plusSeconds(600));
        ReviewFixtures.status(i, "RESOLVED", declaredAt.plusSeconds(1200));
        ReviewFixtures.awaitPostmortem(i);
        await().atMost(ReviewFixtures.WAIT).untilAsserted(() -> as("aude", "auditor", "GET", base(i) + "/timeline", null).statusCode(200)
                .body("entries.kind", hasItems("DECLARED", "PAGED", "ACKNOWLEDGED", "STATUS_PUBLISHED", "RESOLVED")));
        return i;
    }

    private static String entry(Declared i, String kind) {
        return as("aude", "auditor", "GET", base(i) + "/timeline", null).extract().jsonPath().getString("entries.find { it.kind == '" + kind + "' }.id");
    }

    @Test
    void concurrentEditsAndFactorsOfOnePostmortemAllSucceedOneAfterTheOther() throws Exception {
        Declared i = resolved("checkout", "ivan", Instant.now().minus(Duration.ofHours(4)));
        String evidence = entry(i, "PAGED");
        int writers = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        for (int n = 0; n < writers; n++) {
            int w = n;
            answers.add(pool.submit(() -> {
                go.await();
                // Half edit the text (a new version of the post-mortem), half add a factor; each locks the post-mortem.
                return w % 2 == 0
                        ? as("ivan", "incident-commander", "PUT", base(i) + "/postmortem", Map.of("summary", "The pool ran out, edit " + w))
                                .extract().statusCode()
                        : as("ivan", "incident-commander", "POST", base(i) + "/postmortem/factors", Map.of("category", "DESIGN",
                                "subcategory", "CAPACITY", "description", "pool too small " + w, "evidence", List.of(evidence)))
                                .extract().statusCode();
            }));
        }
        go.countDown();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<Integer> answer : answers) {
            statuses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(statuses).as("a writer never loses to another's commit").containsOnly(200, 201);
        as("vera", "viewer", "GET", base(i) + "/postmortem", null).statusCode(200).body("contributingFactors.size()", equalTo(writers / 2));
    }

    @Test
    void aFactorNeedsATaxonomyPairAndEvidenceOnItsOwnTimeline() {
        Declared i = resolved("checkout", "ivan", Instant.now().minus(Duration.ofHours(2)));
        Declared other = resolved("checkout", "ivan", Instant.now().minus(Duration.ofHours(3)));
        as("ivan", "incident-commander", "POST", base(i) + "/postmortem/factors", Map.of("category", "LUCK", "subcategory", "X",
                "description", "d", "evidence", List.of(entry(i, "PAGED")))).statusCode(400).body("violations.field", hasItem("category"));
        as("ivan", "incident-commander", "POST", base(i) + "/postmortem/factors", Map.of("category", "TOOLING", "subcategory", "CAPACITY",
                "description", "d", "evidence", List.of(entry(i, "PAGED")))).statusCode(400).body("violations.field", hasItem("subcategory"));
        as("ivan", "incident-commander", "POST", base(i) + "/postmortem/factors", Map.of("category", "TOOLING", "subcategory", "MONITORING_GAP",
                "description", "No alert on pool saturation", "evidence", List.of())).statusCode(400).body("violations.field", hasItem("evidence"));
        as("ivan", "incident-commander", "POST", base(i) + "/postmortem/factors", Map.of("category", "TOOLING", "subcategory", "MONITORING_GAP",
                "description", "No alert on pool saturation", "evidence", List.of(entry(other, "PAGED")))).statusCode(400)
                .body("violations[0].message", containsString("is not an entry of " + i.key()));
        as("rita", "responder", "POST", base(i) + "/postmortem/factors", Map.of("category", "TOOLING", "subcategory", "MONITORING_GAP",
                "description", "No alert on pool saturation", "evidence", List.of(entry(i, "PAGED")))).statusCode(403);
        String id = as("ivan", "incident-commander", "POST", base(i) + "/postmortem/factors", Map.of("category", "TOOLING",
                "subcategory", "MONITORING_GAP", "description", "No alert on pool saturation", "evidence", List.of(entry(i, "PAGED"))))
                .statusCode(201).extract().path("id");
        as("vera", "viewer", "GET", base(i) + "/postmortem", null).statusCode(200).body("contributingFactors.id", hasItem(id));
        as("ivan", "incident-commander", "DELETE", base(i) + "/postmortem/factors/" + id, null).statusCode(204);
        as("vera", "viewer", "GET", base(i) + "/postmortem", null).statusCode(200).body("contributingFactors.size()", equalTo(0));
    }

    @Test
    void trendsCountIncidentsByCategoryAndTeamAgainstThePreviousQuarter() {
        String service = "trend-" + UUID.randomUUID().toString().substring(0, 8);
        String team = "team-" + service;
        ReviewFixtures.service(service, team);
        // Two incidents of 2026-Q3 and one of 2026-Q4 on the service, each with a DESIGN factor (one with two).
        Declared q3a = resolved(service, "ivan", Instant.parse("2026-08-10T10:00:00Z"));
        Declared q3b = resolved(service, "ivan", Instant.parse("2026-09-10T10:00:00Z"));
        Declared q4 = resolved(service, "ivan", Instant.parse("2026-11-10T10:00:00Z"));
        for (Declared i : List.of(q3a, q3b, q4)) {
            await().atMost(ReviewFixtures.WAIT).untilAsserted(() -> as("ivan", "incident-commander", "POST", base(i) + "/postmortem/factors",
                    Map.of("category", "DESIGN", "subcategory", "CAPACITY", "description", "pool too small", "evidence", List.of(entry(i, "DECLARED"))))
                    .statusCode(201));
        }
        as("ivan", "incident-commander", "POST", base(q4) + "/postmortem/factors", Map.of("category", "DESIGN", "subcategory", "MISSING_LIMITS",
                "description", "no rate limit", "evidence", List.of(entry(q4, "DECLARED")))).statusCode(201);

        as("ed", "executive", "GET", "/api/v1/review/trends/factors?quarter=2026-Q4&by=team", null).statusCode(200)
                .body("previousQuarter", equalTo("2026-Q3"))
                .body("rows.find { it.key == '" + team + "' }.current", equalTo(1))
                .body("rows.find { it.key == '" + team + "' }.previous", equalTo(2))
                .body("rows.find { it.key == '" + team + "' }.change", equalTo(-1));
        as("ed", "executive", "GET", "/api/v1/review/trends/factors?quarter=2026-Q4&by=service", null).statusCode(200)
                .body("rows.find { it.key == '" + service + "' }.current", equalTo(1));
        as("ed", "executive", "GET", "/api/v1/review/trends/factors?quarter=Q4", null).statusCode(400);
        as("ed", "executive", "GET", "/api/v1/review/trends/factors?by=color", null).statusCode(400);
        as("vera", "viewer", "GET", "/api/v1/review/trends/factors", null).statusCode(403);
    }

    @Test
    void blamelessnessFlagsBlockPublicationUntilRephrasedOrDismissedWithAReason() {
        Declared i = resolved("checkout", "olga", Instant.now().minus(Duration.ofHours(1)));
        String blaming = "Ines caused the outage by skipping the canary.";
        as("olga", "incident-commander", "PUT", base(i) + "/postmortem", Map.of("summary", "The pool ran out. " + blaming,
                "whatWentWell", "It was careless of us to ship on Friday.")).statusCode(200)
                .body("blamelessFlags.rule", hasItems("PERSON_AS_CAUSE", "BLAME_LANGUAGE"));
        as("olga", "incident-commander", "POST", base(i) + "/postmortem/submit", null).statusCode(200);
        as("olga", "incident-commander", "POST", base(i) + "/postmortem/publish", null).statusCode(409)
                .body("detail", containsString("2 blamelessness flag(s)")).body("detail", containsString(blaming));

        as("olga", "incident-commander", "POST", base(i) + "/postmortem/blameless/dismissals", Map.of("rule", "PERSON_AS_CAUSE",
                "sentence", "Not in the text.", "reason", "x")).statusCode(404);
        as("olga", "incident-commander", "POST", base(i) + "/postmortem/blameless/dismissals", Map.of("rule", "PERSON_AS_CAUSE",
                "sentence", blaming, "reason", "Ines asked to be named: she wrote the fix for the canary gap")).statusCode(200)
                .body("blamelessFlags.find { it.rule == 'PERSON_AS_CAUSE' }.dismissed", equalTo(true))
                .body("blamelessFlags.find { it.rule == 'PERSON_AS_CAUSE' }.dismissedBy", equalTo("olga"));
        as("olga", "incident-commander", "POST", base(i) + "/postmortem/publish", null).statusCode(409).body("detail", containsString("1 blamelessness"));
        // Rephrasing removes the other flag.
        as("olga", "incident-commander", "PUT", base(i) + "/postmortem", Map.of("summary", "The pool ran out. " + blaming,
                "whatWentWell", "The rollback took four minutes.")).statusCode(200);
        for (String[] factor : new String[][] {{"TOOLING", "MONITORING_GAP"}, {"DESIGN", "MISSING_LIMITS"}, {"TOOLING", "MONITORING_GAP"}}) {
            as("olga", "incident-commander", "POST", base(i) + "/postmortem/factors", Map.of("category", factor[0], "subcategory", factor[1],
                    "description", "The pool had no limit and no alert", "evidence", List.of(entry(i, "PAGED")))).statusCode(201);
        }
        as("olga", "incident-commander", "POST", base(i) + "/postmortem/publish", null).statusCode(200).body("state", equalTo("PUBLISHED"));
        // The published event names the factors found (metrics recognises repeat failures by them), each once.
        assertThat(ReviewFixtures.events(i.id(), "io.firebreak.postmortem.published.v1", 1).get(0).getList("contributingFactors"))
                .containsExactly("DESIGN/MISSING_LIMITS", "TOOLING/MONITORING_GAP");
    }
}
