package io.firebreak.review.api;

import static io.firebreak.review.api.ReviewFixtures.as;
import static io.firebreak.review.api.ReviewFixtures.events;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.firebreak.review.api.ReviewFixtures.Declared;
import io.firebreak.testing.FakeTrackers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Action items synced to GitHub Issues and Jira, against a real HTTP server speaking those APIs' documented shapes:
 * the issue is created with the team's credential, its link stored, completion closes it, and the tracker's signed
 * webhook closes the item — with the evidence rule kept.
 */
@QuarkusTest
class TrackersTest {

    private static final FakeTrackers TRACKERS = new FakeTrackers().jiraProject("OPS");

    @AfterAll
    static void stop() {
        TRACKERS.close();
    }

    /** A service of a new team (its manager and member known to review), an incident on it resolved, its post-mortem open. */
    private record Setup(String service, String team, Declared incident) {
    }

    private static Setup setup() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String service = "svc-" + suffix;
        String team = "team-" + suffix;
        ReviewFixtures.service(service, team);
        ReviewFixtures.team(team, "maria", List.of("sonia"));
        await().atMost(ReviewFixtures.WAIT).untilAsserted(() -> as("vera", "viewer", "GET", "/api/v1/review/services/" + service, null)
                .statusCode(200).body("owningTeam", equalTo(team)));
        Instant declared = Instant.now().minus(Duration.ofHours(2));
        Declared i = ReviewFixtures.declared("P1", false, declared, service);
        ReviewFixtures.commander(i, "ivan", declared.plusSeconds(60));
        ReviewFixtures.status(i, "RESOLVED", declared.plusSeconds(1200));
        ReviewFixtures.awaitPostmortem(i);
        await().atMost(ReviewFixtures.WAIT).untilAsserted(() -> as("ivan", "incident-commander", "GET", items(i), null).statusCode(200));
        return new Setup(service, team, i);
    }

    private static String items(Declared i) {
        return "/api/v1/review/incidents/" + i.id() + "/action-items";
    }

    private static String tracker(String team) {
        return "/api/v1/review/teams/" + team + "/tracker";
    }

    private static Map<String, Object> github(String repo, String credential) {
        return Map.of("kind", "GITHUB", "apiUrl", TRACKERS.url(), "repository", repo, "credential", credential);
    }

    private static Map<String, Object> item(String title, String type) {
        return new HashMap<>(Map.of("title", title, "owner", "sonia", "deadline", Instant.now().plus(Duration.ofDays(14)).toString(),
                "priority", "HIGH", "type", type));
    }

    /** The item once its tracker sync reached {@code status}. */
    private static JsonPath awaitTracker(Declared i, String itemId, String status) {
        JsonPath[] seen = new JsonPath[1];
        await().atMost(ReviewFixtures.WAIT).untilAsserted(() -> {
            JsonPath list = as("ivan", "incident-commander", "GET", items(i), null).statusCode(200).extract().jsonPath();
            assertThat(list.getString("find { it.id == '" + itemId + "' }.tracker.status")).isEqualTo(status);
            seen[0] = JsonPath.from(as("ivan", "incident-commander", "GET", items(i), null).extract().asString());
        });
        return seen[0];
    }

    private static io.restassured.response.ValidatableResponse webhook(String path, String header, String secret, String body, String event) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var request = given().contentType("application/json").header(header, FakeTrackers.signature(secret, bytes)).body(bytes);
        if (event != null) {
            request = request.header("X-GitHub-Event", event);
        }
        return request.when().post(path).then();
    }

    @Test
    void anItemIsCreatedAsAGitHubIssueAndTheIssuesSignedWebhookCompletesItOnlyOnce() {
        Setup s = setup();
        String repo = "acme/" + s.service();
        var configured = as("root", "admin", "PUT", tracker(s.team()), github(repo, "test-github")).statusCode(200)
                .body("credential", equalTo("test-github")).extract().jsonPath();
        String secret = configured.getString("webhookSecret");
        String hook = configured.getString("webhookPath");
        assertThat(secret).hasSize(64);

        String id = as("ivan", "incident-commander", "POST", items(s.incident()), item("Add a canary stage to checkout deploys", "FIX"))
                .statusCode(201).body("tracker.status", equalTo("CREATING")).extract().path("id");
        JsonPath linked = awaitTracker(s.incident(), id, "OPEN");
        assertThat(linked.getString("find { it.id == '" + id + "' }.tracker.reference")).isEqualTo("1");
        assertThat(linked.getString("find { it.id == '" + id + "' }.tracker.url")).isEqualTo("https://github.example/" + repo + "/issues/1");
        var created = TRACKERS.calls("/repos/" + repo + "/issues");
        assertThat(created).hasSize(1);
        assertThat(created.get(0).authorization()).isEqualTo(FakeTrackers.GITHUB_TOKEN);
        assertThat(created.get(0).accept()).isEqualTo("application/vnd.github+json");
        assertThat(created.get(0).body().path("title").asText()).isEqualTo("[" + s.incident().key() + "] Add a canary stage to checkout deploys");
        assertThat(created.get(0).body().path("body").asText()).contains("Owner: sonia").contains("/api/v1/review/incidents/" + s.incident().id());

        TRACKERS.close(repo + "#1", null);
        String event = TRACKERS.githubIssuesEvent(repo, 1, "closed", "octocat");
        webhook(hook, "X-Hub-Signature-256", "not-the-secret", event, "issues").statusCode(401).contentType("application/problem+json");
        as("ivan", "incident-commander", "GET", items(s.incident()), null).body("find { it.id == '" + id + "' }.state", equalTo("OPEN"));
        webhook(hook, "X-Hub-Signature-256", secret, event, "issues").statusCode(200).body("effect", equalTo("COMPLETED"));
        webhook(hook, "X-Hub-Signature-256", secret, event, "issues").statusCode(200).body("effect", equalTo("UNCHANGED"));

        as("ivan", "incident-commander", "GET", items(s.incident()), null)
                .body("find { it.id == '" + id + "' }.state", equalTo("DONE"))
                .body("find { it.id == '" + id + "' }.completedBy", equalTo("github:octocat"))
                .body("find { it.id == '" + id + "' }.tracker.status", equalTo("CLOSED"));
        var completed = events(s.incident().id(), "io.firebreak.action_item.completed.v1", 1);
        assertThat(completed).hasSize(1);
        assertThat(completed.get(0).getString("by")).isEqualTo("github:octocat");
        // Closed there: Firebreak does not close it a second time.
        assertThat(TRACKERS.calls("/repos/" + repo + "/issues/1")).isEmpty();
    }

    @Test
    void completingAnItemInFirebreakClosesItsGitHubIssue() {
        Setup s = setup();
        String repo = "acme/" + s.service();
        as("root", "admin", "PUT", tracker(s.team()), github(repo, "test-github")).statusCode(200);
        String id = as("ivan", "incident-commander", "POST", items(s.incident()), item("Raise the pool limit", "FIX")).statusCode(201)
                .body("team", equalTo(s.team())).body("tracker.status", equalTo("CREATING")).extract().path("id");
        awaitTracker(s.incident(), id, "OPEN");
        as("sonia", "responder", "POST", items(s.incident()) + "/" + id + "/completion", Map.of()).statusCode(200);
        awaitTracker(s.incident(), id, "CLOSED");
        var patch = TRACKERS.calls("/repos/" + repo + "/issues/1");
        assertThat(patch).hasSize(1);
        assertThat(patch.get(0).method()).isEqualTo("PATCH");
        assertThat(patch.get(0).body().path("state").asText()).isEqualTo("closed");
        assertThat(patch.get(0).body().path("state_reason").asText()).isEqualTo("completed");
        assertThat(TRACKERS.issue(repo + "#1").path("state").asText()).isEqualTo("closed");
    }

    @Test
    void aMonitoringItemClosedInJiraWithoutEvidenceStaysOpenUntilTheDescriptionNamesIt() {
        Setup s = setup();
        var configured = as("root", "admin", "PUT", tracker(s.team()), Map.of("kind", "JIRA", "apiUrl", TRACKERS.url(), "projectKey", "OPS",
                "issueType", "Task", "doneTransition", FakeTrackers.JIRA_DONE, "credential", "test-jira")).statusCode(200).extract().jsonPath();
        String id = as("ivan", "incident-commander", "POST", items(s.incident()), item("Alert on pool saturation", "MONITORING_CONFIGURATION"))
                .statusCode(201).extract().path("id");
        JsonPath linked = awaitTracker(s.incident(), id, "OPEN");
        String key = linked.getString("find { it.id == '" + id + "' }.tracker.reference");
        assertThat(key).startsWith("OPS-");
        assertThat(linked.getString("find { it.id == '" + id + "' }.tracker.url")).isEqualTo(TRACKERS.url() + "/browse/" + key);
        var created = TRACKERS.calls("/rest/api/3/issue").get(TRACKERS.calls("/rest/api/3/issue").size() - 1);
        assertThat(created.authorization()).isEqualTo(FakeTrackers.JIRA_AUTH);
        assertThat(created.body().path("fields").path("description").path("type").asText()).isEqualTo("doc");

        String hook = configured.getString("webhookPath");
        String secret = configured.getString("webhookSecret");
        TRACKERS.close(key, "Done");
        String closed = TRACKERS.jiraIssueUpdated(key, "5b10ac8d82e05b22cc7d4ef5");
        webhook(hook, "X-Hub-Signature", secret, closed, null).statusCode(200).body("effect", equalTo("KEPT_OPEN"));
        webhook(hook, "X-Hub-Signature", secret, closed, null).statusCode(200).body("effect", equalTo("UNCHANGED"));
        await().atMost(ReviewFixtures.WAIT).untilAsserted(() -> assertThat(TRACKERS.comments(key)).hasSize(1));
        assertThat(TRACKERS.comments(key).get(0)).contains("Evidence: <link>");
        as("ivan", "incident-commander", "GET", items(s.incident()), null)
                .body("find { it.id == '" + id + "' }.state", equalTo("OPEN"))
                .body("find { it.id == '" + id + "' }.tracker.status", equalTo("CLOSED_WITHOUT_EVIDENCE"));

        TRACKERS.describe(key, "Evidence: https://git.example.com/alerts/pool.yaml");
        webhook(hook, "X-Hub-Signature", secret, TRACKERS.jiraIssueUpdated(key, "5b10ac8d82e05b22cc7d4ef5"), null).statusCode(200)
                .body("effect", equalTo("COMPLETED"));
        as("ivan", "incident-commander", "GET", items(s.incident()), null)
                .body("find { it.id == '" + id + "' }.state", equalTo("DONE"))
                .body("find { it.id == '" + id + "' }.evidence", equalTo("https://git.example.com/alerts/pool.yaml"))
                .body("find { it.id == '" + id + "' }.completedBy", equalTo("jira:5b10ac8d82e05b22cc7d4ef5"));
        assertThat(TRACKERS.comments(key)).hasSize(1);
    }

    @Test
    void aTrackerThatRefusesTheCredentialLeavesTheItemWithAFailedSyncAndItsAnswer() {
        Setup s = setup();
        as("root", "admin", "PUT", tracker(s.team()), github("acme/" + s.service(), "test-github-revoked")).statusCode(200);
        String id = as("ivan", "incident-commander", "POST", items(s.incident()), item("Shorten the DNS TTL", "FIX")).statusCode(201)
                .extract().path("id");
        JsonPath failed = awaitTracker(s.incident(), id, "FAILED");
        assertThat(failed.getString("find { it.id == '" + id + "' }.tracker.error")).contains("401").contains("Bad credentials");
        assertThat(failed.getString("find { it.id == '" + id + "' }.state")).isEqualTo("OPEN");
    }

    @Test
    void onlyAdminsAndServiceOwnersOfTheTeamSetItsTrackerAndBadSettingsAreRefused() {
        Setup s = setup();
        String repo = "acme/" + s.service();
        as("sam", "service-owner", "PUT", tracker(s.team()), github(repo, "test-github")).statusCode(403)
                .contentType("application/problem+json");
        as("ivan", "incident-commander", "PUT", tracker(s.team()), github(repo, "test-github")).statusCode(403);
        // The team's membership arrives on response's topic: retried until review knows it (a refusal changes nothing).
        await().atMost(ReviewFixtures.WAIT).untilAsserted(() -> as("sonia", "service-owner", "PUT", tracker(s.team()), github(repo, "test-github"))
                .statusCode(200).body("webhookSecret", org.hamcrest.Matchers.notNullValue()));
        // Set again without rotation: the secret is not shown again; the token never is.
        as("maria", "service-owner", "PUT", tracker(s.team()), github(repo, "test-github")).statusCode(200).body("webhookSecret", nullValue());
        String view = as("maria", "service-owner", "GET", tracker(s.team()), null).statusCode(200).body("configuredBy", equalTo("maria"))
                .extract().asString();
        assertThat(view).doesNotContain("test-github-token-not-a-secret").doesNotContain("webhookSecret\":\"");
        as("aude", "auditor", "GET", tracker(s.team()), null).statusCode(200);
        as("sam", "service-owner", "GET", tracker(s.team()), null).statusCode(403);

        as("sonia", "service-owner", "PUT", tracker(s.team()), Map.of("kind", "TRELLO", "apiUrl", "ftp://x", "credential", "nope"))
                .statusCode(400).contentType("application/problem+json").body("violations.field", hasItems("kind", "apiUrl", "credential"))
                .body("violations.find { it.field == 'credential' }.message", containsString("firebreak.delivery.credentials.nope"));
        as("sonia", "service-owner", "PUT", tracker(s.team()), Map.of("kind", "JIRA", "apiUrl", TRACKERS.url(), "projectKey", "ops",
                "credential", "test-jira")).statusCode(400).body("violations.field", hasItems("projectKey", "issueType", "doneTransition"));
        as("maria", "service-owner", "GET", tracker(s.team()), null).statusCode(200).body("kind", equalTo("GITHUB"));

        given().contentType("application/json").body("{}").post("/api/v1/review/trackers/" + UUID.randomUUID() + "/webhook").then()
                .statusCode(401).contentType("application/problem+json");
        as("sonia", "service-owner", "DELETE", tracker(s.team()), null).statusCode(204);
        as("sonia", "service-owner", "GET", tracker(s.team()), null).statusCode(404);
    }
}
