package io.firebreak.system.smoke;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * An emergency change through the gateway only, with real Keycloak tokens: a P1, a confirmed triage finding
 * recorded in response, a rollback requested in change citing it, refused to its requester's own approval and
 * approved by a change approver, a signed GitHub push naming the incident and the change linked to both,
 * implemented, validated by someone else, and its effectiveness picture.
 */
class ChangeFlowSmokeIT {

    private static final String GATEWAY = System.getProperty("firebreak.gateway.url", "http://127.0.0.1:8080");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static ValidatableResponse call(String user, String method, String path, Object body) {
        return Gateway.call(user, method, path, body);
    }

    @Test
    void anEmergencyChangeCitesItsFindingIsApprovedBySomeoneElseAndIsLinkedToItsCommit() throws Exception {
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        var created = call("incident-commander", "POST", "/api/v1/classification/incidents", Map.of("title", "Smoke change " + run,
                "summary", "Checkout pool exhausted after 1.5.0", "businessService", "checkout", "priority", "P1",
                "impact", Map.of("revenueLossPerHour", 50_000, "customerFacing", true, "availability", "UNAVAILABLE"),
                "detectedAt", Instant.now().minusSeconds(60).toString())).statusCode(201).extract();
        String id = created.path("id");
        String key = created.path("key");
        String incident = "/api/v1/change/incidents/" + id;
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> call("viewer", "GET", incident + "/changes", null).statusCode(200));

        // The Technical Lead records the confirmed finding in response; change learns it from triage.finding_recorded.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> call("tech-lead", "POST",
                "/api/v1/response/incidents/" + id + "/triage/findings", Map.of("statement", "1.5.0 exhausts the connection pool " + run,
                        "component", "checkout", "evidence", List.of("https://grafana.firebreak.local/d/pool"))).statusCode(201));
        String finding = await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> call("viewer", "GET", incident + "/findings", null)
                .statusCode(200).extract().jsonPath().getString("find { it.statement.contains('" + run + "') }.findingId"), f -> f != null);

        var change = call("tech-lead", "POST", incident + "/changes", Map.of("targetService", "checkout", "action", "rollback",
                "parameters", Map.of("fromVersion", "1.5.0", "toVersion", "1.4.2"), "description", "Roll checkout back to 1.4.2",
                "expectedEffect", "Pool usage under 60% and errors under 1% within 10 minutes", "risk", "LOW", "findingId", finding,
                "rollbackPlan", Map.of("steps", List.of("redeploy 1.5.0"), "verification", "version endpoint answers 1.5.0",
                        "estimatedRollbackMinutes", 5))).statusCode(201).body("state", equalTo("REQUESTED")).extract();
        String changeId = change.path("id");
        String chg = change.path("key");
        String path = "/api/v1/change/changes/" + changeId;
        call("change-approver", "POST", incident + "/changes", Map.of()).statusCode(400).contentType("application/problem+json");
        call("tech-lead", "POST", path + "/approve", Map.of("reason", "mine")).statusCode(403);
        call("change-approver", "POST", path + "/approve", Map.of("reason", "known-good version")).statusCode(200)
                .body("approval.by", equalTo("change-approver"));

        // A signed GitHub push whose message names the incident and the change is linked to both.
        var source = call("change-approver", "POST", "/api/v1/change/sources", Map.of("kind", "GITHUB", "repository", "acme/checkout-" + run,
                "service", "checkout")).statusCode(201).extract();
        byte[] push = ("{\"ref\":\"refs/heads/main\",\"repository\":{\"full_name\":\"acme/checkout-" + run + "\"},\"commits\":[{\"id\":\""
                + run + "0000000000000000000000000000000\",\"message\":\"hotfix: roll back to 1.4.2\\n\\n" + key + " " + chg + "\",\"timestamp\":\""
                + Instant.now() + "\",\"url\":\"https://github.com/acme/checkout/commit/" + run + "\",\"author\":{\"name\":\"Tech Lead\","
                + "\"username\":\"tech-lead\"}}]}").getBytes(StandardCharsets.UTF_8);
        given().baseUri(GATEWAY).contentType("application/json").header("X-GitHub-Event", "push").header("X-GitHub-Delivery", run)
                .header("X-Hub-Signature-256", "sha256=0000").body(push).post(source.path("source.webhookPath").toString()).then().statusCode(401);
        given().baseUri(GATEWAY).contentType("application/json").header("X-GitHub-Event", "push").header("X-GitHub-Delivery", run)
                .header("X-Hub-Signature-256", signature(source.path("secret"), push)).body(push).post(source.path("source.webhookPath").toString())
                .then().statusCode(202).body("links[0].changeKey", equalTo(chg));
        call("viewer", "GET", incident + "/links", null).statusCode(200).body("why", hasItem("REFERENCE"));

        call("tech-lead", "POST", path + "/start", null).statusCode(200).body("state", equalTo("IMPLEMENTING"));
        call("tech-lead", "POST", path + "/implemented", null).statusCode(200).body("state", equalTo("IMPLEMENTED"));
        call("tech-lead", "POST", path + "/validate", Map.of("result", "PASSED", "evidence", "errors 0.1%")).statusCode(403);
        call("responder", "POST", path + "/validate", Map.of("result", "PASSED", "evidence", "errors 0.1% for 15 minutes")).statusCode(200)
                .body("state", equalTo("VALIDATED"));
        call("viewer", "GET", path + "/effectiveness", null).statusCode(200).body("changeKey", equalTo(chg)).body("incidentKey", equalTo(key));
    }

    private static String signature(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }
}
