package io.firebreak.system.smoke;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.firebreak.testing.FakeTrackers;
import io.firebreak.testing.TestKafkaClient;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A post-mortem through the gateway only, with real Keycloak tokens: a P1 declared, commanded, acknowledged, given a
 * status and resolved opens a post-mortem owned by its commander, with a timeline from classification, response and
 * comms; an action item without an owner is refused; every flag is resolved and the commander publishes it.
 */
class ReviewFlowSmokeIT {

    private static final String GATEWAY = System.getProperty("firebreak.gateway.url", "http://127.0.0.1:8080");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static ValidatableResponse call(String user, String method, String path, Object body) {
        return Gateway.call(user, method, path, body);
    }

    /** A P1 on checkout declared, commanded, acknowledged, given a status and resolved; answers its id. */
    private static String resolvedP1(String title) {
        String id = call("incident-commander", "POST", "/api/v1/classification/incidents", Map.of("title", title,
                "summary", "Checkout errors", "businessService", "checkout", "priority", "P1",
                "impact", Map.of("revenueLossPerHour", 50_000, "customerFacing", true, "availability", "UNAVAILABLE"),
                "detectedAt", Instant.now().minusSeconds(60).toString())).statusCode(201).extract().path("id");
        String response = "/api/v1/response/incidents/" + id;
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> call("viewer", "GET", response + "/roles", null)
                .extract().jsonPath().getString("find { it.role == 'INCIDENT_COMMANDER' && it.person == 'incident-commander' }.id"), a -> a != null);
        JsonPath roles = call("viewer", "GET", response + "/roles", null).extract().jsonPath();
        for (String[] holder : new String[][] {{"incident-commander", "INCIDENT_COMMANDER"}, {"comms-lead", "COMMS_LEAD"}}) {
            String assignment = roles.getString("find { it.role == '" + holder[1] + "' && it.person == '" + holder[0] + "' }.id");
            call(holder[0], "POST", response + "/roles/" + assignment + "/acceptance", null).statusCode(200);
        }
        call("incident-commander", "POST", response + "/acknowledgement", null).statusCode(200);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> call("comms-lead", "POST", "/api/v1/comms/incidents/" + id
                + "/status", Map.of("state", "IDENTIFIED", "impact", "Checkout fails")).statusCode(201));
        call("incident-commander", "POST", response + "/transitions", Map.of("action", "MITIGATE", "note", "rolled back")).statusCode(200);
        call("incident-commander", "POST", response + "/transitions", Map.of("action", "RESOLVE", "resolutionSummary", "fixed")).statusCode(200);

        return id;
    }

    @Test
    void aResolvedP1GetsAPostmortemWithAValidatedTimelineThatItsCommanderPublishes() {
        String id = resolvedP1("Smoke review");
        String review = "/api/v1/review/incidents/" + id;
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> call("viewer", "GET", review + "/postmortem", null)
                .statusCode(200).body("owner", equalTo("incident-commander")).body("state", equalTo("DRAFT")));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> call("viewer", "GET", review + "/timeline", null)
                .statusCode(200).body("entries.kind", hasItems("DECLARED", "ACKNOWLEDGED", "STATUS_PUBLISHED", "MITIGATED", "RESOLVED"))
                .body("entries.source", hasItems("classification", "response", "comms")));

        call("incident-commander", "POST", review + "/action-items", Map.of("title", "Add a canary stage", "priority", "HIGH", "type", "FIX"))
                .statusCode(400).contentType("application/problem+json");
        call("incident-commander", "POST", review + "/action-items", Map.of("title", "Add a canary stage", "owner", "tech-lead",
                "deadline", Instant.now().plus(Duration.ofDays(14)).toString(), "priority", "HIGH", "type", "FIX")).statusCode(201);
        call("incident-commander", "PUT", review + "/postmortem", Map.of("summary", "A release exhausted the checkout pool; rolled back.")).statusCode(200);
        call("incident-commander", "POST", review + "/postmortem/submit", null).statusCode(200).body("state", equalTo("IN_REVIEW"));
        List<String> open = call("viewer", "GET", review + "/timeline", null).extract().jsonPath().getList("flags.findAll { it.resolution == null }.key");
        for (String key : open) {
            call("incident-commander", "POST", review + "/timeline/flags/" + key + "/resolution",
                    Map.of("resolution", "ACCEPTED", "note", "checked during the smoke run")).statusCode(200);
        }
        call("incident-commander", "POST", review + "/postmortem/publish", null).statusCode(200).body("state", equalTo("PUBLISHED"));
    }

    @Test
    void anActionItemIsFiledInItsTeamsGitHubTrackerAndTheSignedWebhookCompletesIt() {
        // The local stack names the credential "localgithub" (FIREBREAK_DELIVERY_CREDENTIALS_LOCALGITHUB, local-dev only).
        try (FakeTrackers github = new FakeTrackers("Bearer local-dev-only-github-token", "none")) {
            String tracker = "/api/v1/review/teams/payments/tracker";
            JsonPath configured = call("admin", "PUT", tracker, Map.of("kind", "GITHUB", "apiUrl", github.url(), "repository", "demo/payments",
                    "credential", "localgithub", "rotateSecret", true)).statusCode(200).extract().jsonPath();
            try {
                String id = resolvedP1("Smoke tracker");
                String items = "/api/v1/review/incidents/" + id + "/action-items";
                await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> call("viewer", "GET", "/api/v1/review/incidents/" + id
                        + "/postmortem", null).statusCode(200));
                String item = call("incident-commander", "POST", items, Map.of("title", "Alert on checkout pool saturation", "owner", "tech-lead",
                        "deadline", Instant.now().plus(Duration.ofDays(14)).toString(), "priority", "HIGH", "type", "FIX")).statusCode(201)
                        .body("team", equalTo("payments")).extract().path("id");
                await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> call("viewer", "GET", items, null).statusCode(200)
                        .body("find { it.id == '" + item + "' }.tracker.status", equalTo("OPEN"))
                        .body("find { it.id == '" + item + "' }.tracker.reference", equalTo("1")));

                github.close("demo/payments#1", null);
                byte[] event = github.githubIssuesEvent("demo/payments", 1, "closed", "octocat").getBytes(StandardCharsets.UTF_8);
                given().baseUri(GATEWAY).contentType(ContentType.JSON).header("X-GitHub-Event", "issues")
                        .header("X-Hub-Signature-256", FakeTrackers.signature(configured.getString("webhookSecret"), event)).body(event)
                        .when().post(configured.getString("webhookPath")).then().statusCode(200).body("effect", equalTo("COMPLETED"));
                call("viewer", "GET", items, null).statusCode(200).body("find { it.id == '" + item + "' }.state", equalTo("DONE"))
                        .body("find { it.id == '" + item + "' }.completedBy", equalTo("github:octocat"));
            } finally {
                call("admin", "DELETE", tracker, null).statusCode(204);
            }
        }
    }

    @Test
    void aRecurrenceTriggerOnTheMetricsTopicOpensAnArchitecturalReviewThatItsOwnerCompletes() {
        // Until metrics-service publishes it, the smoke run publishes metrics' documented event itself (the local broker).
        String fingerprint = "smoke-" + UUID.randomUUID();
        Instant now = Instant.now();
        String incidents = String.join(",", List.of(3, 20, 45).stream().map(days -> "{\"incidentId\":\"" + UUID.randomUUID()
                + "\",\"incidentKey\":\"INC-SMOKE-" + days + "\",\"declaredAt\":\"" + now.minus(Duration.ofDays(days)) + "\"}").toList());
        TestKafkaClient.send("firebreak.metrics", "checkout", ("{\"service\":\"checkout\",\"basis\":\"ALERT_FINGERPRINT\",\"basisValue\":\""
                + fingerprint + "\",\"windowDays\":90,\"threshold\":3,\"incidents\":[" + incidents + "],\"detectedAt\":\"" + now + "\"}")
                .getBytes(StandardCharsets.UTF_8), Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_type", "io.firebreak.recurrence.threshold_breached.v1", "ce_source", "/firebreak/metrics", "ce_subject", "checkout",
                "ce_time", now.toString(), "content-type", "application/json"));

        String list = "/api/v1/review/architecture-reviews?service=checkout&state=OPEN";
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> call("executive", "GET", list, null).statusCode(200)
                .body("find { it.basisValue == '" + fingerprint + "' }.incidents.size()", equalTo(3)));
        JsonPath review = call("executive", "GET", list, null).extract().jsonPath();
        String id = review.getString("find { it.basisValue == '" + fingerprint + "' }.id");
        String owner = review.getString("find { it.basisValue == '" + fingerprint + "' }.owner");
        String completion = "/api/v1/review/architecture-reviews/" + id + "/completion";
        call("tech-lead", "POST", completion, Map.of("outcome", "not mine")).statusCode(owner.equals("tech-lead") ? 200 : 403);
        call("admin", "POST", completion, Map.of("outcome", "Split the checkout pool per region")).statusCode(200)
                .body("state", equalTo("COMPLETED"));
    }

    @Test
    void theResolvedP1sMttaAndMttrAreInMetricsAndInTheMonthsExecutiveReport() {
        String id = resolvedP1("Smoke metrics");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> call("executive", "GET", "/api/v1/metrics/incidents/" + id, null)
                .statusCode(200).body("resolvedAt", org.hamcrest.Matchers.notNullValue()).body("mttaSeconds", org.hamcrest.Matchers.notNullValue())
                .body("mttrSeconds", org.hamcrest.Matchers.notNullValue()));
        String month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
        call("executive", "GET", "/api/v1/metrics/reports/monthly?month=" + month, null).statusCode(200)
                .body("month", equalTo(month)).body("months[5].incidents", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        given().baseUri(GATEWAY).auth().oauth2(StackSmokeIT.token("executive")).accept("application/pdf")
                .when().get("/api/v1/metrics/reports/monthly?month=" + month).then().statusCode(200).contentType("application/pdf");
        call("viewer", "GET", "/api/v1/metrics/reports/monthly?month=" + month, null).statusCode(403);

        // Business impact: the revenue lost from detection to mitigation at the declared 50,000/h, in the quarter's KPI report.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> call("executive", "GET", "/api/v1/metrics/incidents/" + id,
                null).statusCode(200).body("revenueImpact", org.hamcrest.Matchers.greaterThan(0f)));
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        String quarter = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        call("executive", "PUT", "/api/v1/metrics/outcomes/smoke-retention/" + quarter, Map.of("value", 97.5, "unit", "%", "source", "smoke"))
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(201), equalTo(200)));
        call("executive", "GET", "/api/v1/metrics/reports/quarterly?quarter=" + quarter, null).statusCode(200)
                .body("total.incidents", org.hamcrest.Matchers.greaterThanOrEqualTo(1)).body("total.revenueImpact", org.hamcrest.Matchers.greaterThan(0f))
                .body("total.outcomes.smoke-retention", equalTo(97.5f));
        call("executive", "GET", "/api/v1/metrics/summary?groupBy=service&from=" + Instant.now().minus(Duration.ofDays(1)) + "&until="
                + Instant.now().plusSeconds(60), null).statusCode(200).body("counted", org.hamcrest.Matchers.greaterThanOrEqualTo(1));

        // Its commander resolved it: asked for feedback once, answers; the quarter's governance review reads the answer.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> call("incident-commander", "GET", "/api/v1/metrics/surveys/mine",
                null).statusCode(200).body("incidentId", hasItems(id)));
        String survey = call("incident-commander", "GET", "/api/v1/metrics/surveys/mine", null).extract().jsonPath()
                .getString("find { it.incidentId == '" + id + "' }.surveyId");
        call("incident-commander", "POST", "/api/v1/metrics/surveys/" + survey + "/answer", Map.of("rating", 4, "toImprove", "Smoke")).statusCode(200);
        call("incident-commander", "POST", "/api/v1/metrics/surveys/" + survey + "/answer", Map.of("rating", 4)).statusCode(409);
        call("executive", "GET", "/api/v1/metrics/governance/reviews/" + quarter, null).statusCode(200)
                .body("responderFeedback.answered", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }
}
