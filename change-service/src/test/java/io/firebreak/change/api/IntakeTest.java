package io.firebreak.change.api;

import static io.firebreak.change.api.ChangeFixtures.declared;
import static io.firebreak.change.api.ChangeFixtures.events;
import static io.firebreak.change.api.ChangeFixtures.finding;
import static io.firebreak.change.api.ChangeFixtures.get;
import static io.firebreak.change.api.ChangeFixtures.post;
import static io.firebreak.change.api.ChangeFixtures.rollback;
import static io.firebreak.change.api.ChangeFixtures.service;
import static io.firebreak.change.api.ChangeFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.firebreak.change.api.ChangeFixtures.Declared;
import io.firebreak.platform.delivery.WebhookProofs;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GitHub, GitLab and PagerDuty change intake: proofs checked, commits linked by reference, deploys as candidate causes, freezes flagged. */
@QuarkusTest
class IntakeTest {

    private static String fixture(String name, Map<String, String> values) {
        try (InputStream in = IntakeTest.class.getResourceAsStream("/webhooks/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> e : values.entrySet()) {
                text = text.replace(e.getKey(), e.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Registers a repository; answers {webhookPath, secret}. */
    private static String[] source(String kind, String repository, String service) {
        var answer = post("carl", "change-approver", Map.of("kind", kind, "repository", repository, "service", service), "/api/v1/change/sources")
                .statusCode(201).body("source.repository", equalTo(repository)).extract();
        return new String[] {answer.path("source.webhookPath"), answer.path("secret")};
    }

    private static String changeKey(Declared incident, String target, UUID finding) {
        return post("rita", "responder", rollback(target, finding), "/api/v1/change/incidents/" + incident.id() + "/changes").statusCode(201)
                .extract().path("key");
    }

    @Test
    void aGithubPushWithABadSignatureIsRefusedAndOneWithAGoodSignatureLinksItsCommitToTheIncidentAndChange() {
        String checkout = service(unique("checkout"));
        Declared incident = declared("P1", checkout);
        UUID f = finding(incident, checkout);
        String chg = changeKey(incident, checkout, f);
        String repository = "acme/" + unique("checkout");
        String[] src = source("GITHUB", repository, checkout);
        String body = fixture("github-push.json", Map.of("__REPOSITORY__", repository, "__INCIDENT__", incident.key(), "__CHANGE__", chg,
                "__TIMESTAMP__", Instant.now().toString()));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        given().contentType("application/json").header("X-GitHub-Event", "push").header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", WebhookProofs.githubSignature("not-the-secret", bytes)).body(bytes).post(src[0]).then()
                .statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").header("X-GitHub-Event", "push").body(bytes).post(src[0]).then().statusCode(401);
        get("aude", "auditor", "/api/v1/change/incidents/" + incident.id() + "/links").statusCode(200).body("size()", equalTo(0));

        String delivery = UUID.randomUUID().toString();
        given().contentType("application/json").header("X-GitHub-Event", "push").header("X-GitHub-Delivery", delivery)
                .header("X-Hub-Signature-256", WebhookProofs.githubSignature(src[1], bytes)).body(bytes).post(src[0]).then()
                .statusCode(202).body("recorded", equalTo(1)).body("links[0].changeKey", equalTo(chg)).body("links[0].why", equalTo("REFERENCE"));
        // A redelivery records nothing twice.
        given().contentType("application/json").header("X-GitHub-Event", "push").header("X-GitHub-Delivery", delivery)
                .header("X-Hub-Signature-256", WebhookProofs.githubSignature(src[1], bytes)).body(bytes).post(src[0]).then()
                .statusCode(202).body("recorded", equalTo(0));

        get("vera", "viewer", "/api/v1/change/incidents/" + incident.id() + "/links").statusCode(200).body("$", hasSize(1))
                .body("[0].kind", equalTo("COMMIT")).body("[0].revision", equalTo("59b20b8d5c6ff8d09518454d4dd8b7a30f095ab5"))
                .body("[0].summary", equalTo("Roll checkout back to 1.4.2")).body("[0].author", equalTo("ines"));
        var linked = events(incident.id(), "io.firebreak.change.linked.v1", 1);
        assertThat(linked).hasSize(1);
        assertThat(linked.get(0).getString("repository")).isEqualTo(repository);
    }

    @Test
    void aWebhookForAnotherRepositoryOrWithAMalformedBodyIsRefused() {
        String checkout = service(unique("checkout"));
        String[] src = source("GITHUB", "acme/" + unique("repo"), checkout);
        byte[] other = fixture("github-push.json", Map.of("__REPOSITORY__", "evil/other", "__INCIDENT__", "INC-2026-0001", "__CHANGE__", "CHG-1",
                "__TIMESTAMP__", Instant.now().toString())).getBytes(StandardCharsets.UTF_8);
        given().contentType("application/json").header("X-GitHub-Event", "push").header("X-Hub-Signature-256",
                WebhookProofs.githubSignature(src[1], other)).body(other).post(src[0]).then().statusCode(403);
        byte[] junk = "{not json".getBytes(StandardCharsets.UTF_8);
        given().contentType("application/json").header("X-GitHub-Event", "push").header("X-Hub-Signature-256",
                WebhookProofs.githubSignature(src[1], junk)).body(junk).post(src[0]).then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").header("X-GitHub-Event", "push").body("{}").post("/api/v1/change/intake/github/" + UUID.randomUUID())
                .then().statusCode(401);
    }

    @Test
    void aGitlabPushNeedsItsTokenAndADeployDuringAnActiveIncidentOnADependencyIsACandidateCause() {
        String gateway = service(unique("payment-gateway"));
        String payments = service(unique("payments"), gateway);
        Declared incident = declared("P1", payments);
        UUID f = finding(incident, payments);
        String chg = changeKey(incident, payments, f);
        String repository = "acme/" + unique("gateway");
        String[] src = source("GITLAB", repository, gateway);
        String push = fixture("gitlab-push.json", Map.of("__REPOSITORY__", repository, "__INCIDENT__", incident.key(), "__CHANGE__", chg,
                "__TIMESTAMP__", "2026-12-01T09:00:00+01:00"));

        given().contentType("application/json").header("X-Gitlab-Event", "Push Hook").header("X-Gitlab-Token", "wrong").body(push)
                .post(src[0]).then().statusCode(401);
        given().contentType("application/json").header("X-Gitlab-Event", "Push Hook").header("X-Gitlab-Token", src[1])
                .header("X-Gitlab-Event-UUID", UUID.randomUUID().toString()).body(push).post(src[0]).then().statusCode(202)
                .body("links[0].changeKey", equalTo(chg));

        String gitlabNow = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z").format(Instant.now().atOffset(ZoneOffset.ofHours(1)));
        String deploy = fixture("gitlab-deployment.json", Map.of("__REPOSITORY__", repository, "__DEPLOYMENT__", String.valueOf(System.nanoTime() % 1_000_000_000),
                "__GITLAB_TIME__", gitlabNow));
        given().contentType("application/json").header("X-Gitlab-Event", "Deployment Hook").header("X-Gitlab-Token", src[1]).body(deploy)
                .post(src[0]).then().statusCode(202).body("links[0].why", equalTo("CANDIDATE_CAUSE")).body("links[0].incidentKey", equalTo(incident.key()));
        get("vera", "viewer", "/api/v1/change/incidents/" + incident.id() + "/links").statusCode(200)
                .body("find { it.why == 'CANDIDATE_CAUSE' }.service", equalTo(gateway))
                .body("find { it.why == 'CANDIDATE_CAUSE' }.environment", equalTo("production"));
    }

    @Test
    void aDeployShortlyBeforeAnIncidentIsLinkedAsACandidateCauseWhenTheIncidentIsDeclaredButNotOneHoursEarlier() {
        String inventory = service(unique("inventory"));
        String repository = "acme/" + unique("inventory");
        String[] src = source("GITHUB", repository, inventory);
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        for (Object[] deploy : new Object[][] {{"31", now.minus(Duration.ofMinutes(30))}, {"32", now.minus(Duration.ofHours(3))}}) {
            byte[] body = fixture("github-deployment-status.json", Map.of("__REPOSITORY__", repository, "__DEPLOYMENT__",
                    deploy[0] + String.valueOf(System.nanoTime() % 1_000_000), "__TIMESTAMP__", deploy[1].toString(), "__DESCRIPTION__", "release"))
                    .getBytes(StandardCharsets.UTF_8);
            given().contentType("application/json").header("X-GitHub-Event", "deployment_status").header("X-Hub-Signature-256",
                    WebhookProofs.githubSignature(src[1], body)).body(body).post(src[0]).then().statusCode(202).body("links", hasSize(0));
        }
        Declared incident = declared("P1", inventory);
        await().atMost(ChangeFixtures.WAIT).untilAsserted(() -> get("vera", "viewer", "/api/v1/change/incidents/" + incident.id() + "/links")
                .statusCode(200).body("$", hasSize(1)).body("[0].why", equalTo("CANDIDATE_CAUSE"))
                .body("[0].occurredAt", equalTo(now.minus(Duration.ofMinutes(30)).toString())));
        assertThat(events(incident.id(), "io.firebreak.change.linked.v1", 1).get(0).getString("why")).isEqualTo("CANDIDATE_CAUSE");
    }

    @Test
    void aDeployInsideAFreezeWithoutAValidExceptionIsFlagged() {
        String search = service(unique("search"));
        String window = unique("freeze");
        Instant now = Instant.now();
        post("carl", "change-approver", Map.of("name", window, "startsAt", now.minus(Duration.ofHours(1)).toString(),
                "endsAt", now.plus(Duration.ofHours(1)).toString(), "services", List.of(search), "reason", "release freeze"),
                "/api/v1/change/freeze-windows").statusCode(201);
        String repository = "acme/" + unique("search");
        String[] src = source("GITHUB", repository, search);
        byte[] deploy = fixture("github-deployment-status.json", Map.of("__REPOSITORY__", repository, "__DEPLOYMENT__",
                String.valueOf(System.nanoTime() % 1_000_000_000), "__TIMESTAMP__", Instant.now().toString(), "__DESCRIPTION__", "routine release"))
                .getBytes(StandardCharsets.UTF_8);
        given().contentType("application/json").header("X-GitHub-Event", "deployment_status").header("X-Hub-Signature-256",
                WebhookProofs.githubSignature(src[1], deploy)).body(deploy).post(src[0]).then().statusCode(202).body("recorded", equalTo(1));
        get("carl", "change-approver", "/api/v1/change/flags?after=" + now.minusSeconds(5)).statusCode(200)
                .body("find { it.service == '" + search + "' }.flag", equalTo("DEPLOY_IN_FREEZE"))
                .body("find { it.service == '" + search + "' }.detail", containsString(window));
    }

    @Test
    void aPagerDutyChangeEventOnTheSignalsTopicIsLinkedByItsSummary() {
        String checkout = service(unique("checkout"));
        Declared incident = declared("P1", checkout);
        String data = "{\"businessService\":\"" + unique("elsewhere") + "\",\"integrationKeyId\":\"k1\",\"summary\":\"Hotfix for "
                + incident.key() + " deployed\",\"source\":\"ci\",\"timestamp\":\"" + Instant.now() + "\",\"customDetails\":{\"revision\":\"abc123\"},"
                + "\"links\":[{\"href\":\"https://ci.example.com/1\",\"text\":\"build\"}],\"receivedAt\":\"" + Instant.now() + "\"}";
        ChangeFixtures.sendKeyed("signals", "checkout:change", "checkout", "io.firebreak.signal.change_received.v1", data);
        await().atMost(ChangeFixtures.WAIT).untilAsserted(() -> get("vera", "viewer", "/api/v1/change/incidents/" + incident.id() + "/links")
                .statusCode(200).body("$", hasSize(1)).body("[0].source", equalTo("PAGERDUTY")).body("[0].revision", equalTo("abc123"))
                .body("[0].url", equalTo("https://ci.example.com/1")));
    }
}
