package io.firebreak.system.smoke;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Comms through the gateway only, with real Keycloak tokens: approved language (an admin authors, the comms lead
 * and an executive approve), stakeholder groups reached by real SMTP and a signed webhook, a customer message from
 * the approved template written to the external log, legal engagement and a regulator's clock from the declared
 * impact, and the regulatory executive notification satisfied by a message from the executive template.
 */
class CommsFlowSmokeIT {

    private static final String GATEWAY = System.getProperty("firebreak.gateway.url", "http://127.0.0.1:8080");
    private static final String MAIL = System.getProperty("firebreak.mail.url", "http://127.0.0.1:18025");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static ValidatableResponse call(String user, String method, String path, Object body) {
        return Gateway.call(user, method, path, body);
    }

    private static List<Map<String, Object>> mails(String address, String fragment) {
        return given().baseUri(MAIL).when().get("/api/user/" + address + "/messages/").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.subject.contains('" + fragment + "') }");
    }

    @Test
    void aCustomerMessageFromApprovedLanguageReachesItsStakeholdersAndTheLogAndExecutivesHearThroughTheTemplate() throws Exception {
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (SignedWebhookReceiver receiver = new SignedWebhookReceiver()) {
            // Approved language: the admin authors; customer wording needs the comms lead and a second approver.
            String snippet = call("admin", "POST", "/api/v1/comms/snippets", Map.of("name", "apology-" + run, "text", "We are sorry for the disruption."))
                    .statusCode(201).extract().path("id");
            call("comms-lead", "POST", "/api/v1/comms/snippets/" + snippet + "/approve", Map.of()).statusCode(200);
            call("executive", "POST", "/api/v1/comms/snippets/" + snippet + "/approve", Map.of()).statusCode(200).body("state", equalTo("APPROVED"));
            String customer = call("admin", "POST", "/api/v1/comms/templates", Map.of("audience", "CUSTOMER", "scenario", "OUTAGE",
                    "subject", "{incident.businessService} disruption " + run, "body", "{status.impact}. {snippet.apology_" + run + "}"))
                    .statusCode(201).extract().path("id");
            call("admin", "POST", "/api/v1/comms/templates/" + customer + "/approve", Map.of()).statusCode(403);
            call("comms-lead", "POST", "/api/v1/comms/templates/" + customer + "/approve", Map.of()).statusCode(200).body("state", equalTo("PENDING"));
            call("executive", "POST", "/api/v1/comms/templates/" + customer + "/approve", Map.of()).statusCode(200).body("state", equalTo("APPROVED"));
            String executive = call("admin", "POST", "/api/v1/comms/templates", Map.of("audience", "EXECUTIVE", "scenario", "OUTAGE",
                    "subject", "[{incident.priority}] {incident.key} board note " + run, "body", "{status.impact} ({status.affectedServices})."))
                    .statusCode(201).extract().path("id");
            call("comms-lead", "POST", "/api/v1/comms/templates/" + executive + "/approve", Map.of()).statusCode(200).body("state", equalTo("APPROVED"));

            String secret = call("admin", "POST", "/api/v1/comms/stakeholder-groups", Map.of("name", "Smoke customers " + run, "kind", "CUSTOMER",
                    "businessServices", List.of("checkout"), "channels", List.of(Map.of("kind", "EMAIL", "address", "customers-" + run + "@firebreak.local"),
                            Map.of("kind", "WEBHOOK", "address", receiver.url("/customers")))))
                    .statusCode(201).extract().path("webhookSecret");
            call("admin", "POST", "/api/v1/comms/stakeholder-groups", Map.of("name", "Smoke board " + run, "kind", "EXECUTIVES",
                    "businessServices", List.of("checkout"), "priorities", List.of("P1"),
                    "channels", List.of(Map.of("kind", "EMAIL", "address", "board-" + run + "@firebreak.local")))).statusCode(201);

            // A P1 with suspected data exposure and regulatory exposure, declared by the commander.
            var created = call("incident-commander", "POST", "/api/v1/classification/incidents", Map.of("title", "Smoke comms " + run,
                    "summary", "Card numbers may be visible", "businessService", "checkout", "priority", "P1",
                    "impact", Map.of("revenueLossPerHour", 50_000, "customerFacing", true, "dataExposure", "SUSPECTED", "regulatoryExposure", true),
                    "detectedAt", Instant.now().minusSeconds(60).toString())).statusCode(201).extract();
            String id = created.path("id");
            String key = created.path("key");
            String comms = "/api/v1/comms/incidents/" + id;
            String roles = "/api/v1/response/incidents/" + id + "/roles";
            await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> call("viewer", "GET", roles, null).statusCode(200)
                    .extract().jsonPath().getString("find { it.role == 'COMMS_LEAD' && it.person == 'comms-lead' }.id"), a -> a != null);
            String assignment = call("viewer", "GET", roles, null).extract().jsonPath().getString("find { it.role == 'COMMS_LEAD' && it.person == 'comms-lead' }.id");
            call("comms-lead", "POST", roles + "/" + assignment + "/acceptance", null).statusCode(200);

            // Engagement and the regulator's clock come from classification's impact facts.
            await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> call("comms-lead", "GET", comms + "/engagements", null)
                    .statusCode(200).body("engagements.function", hasItem("LEGAL")).body("regulatoryClocks.regulation", hasItem("gdpr-art33")));
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> mails("legal@firebreak.local", key), l -> !l.isEmpty());
            await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> call("executive", "GET", comms + "/exec-notifications", null)
                    .statusCode(200).body("rule", hasItem("REGULATORY")).body("find { it.rule == 'REGULATORY' }.state", equalTo("PENDING")));

            await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> call("comms-lead", "POST", comms + "/status",
                    Map.of("state", "IDENTIFIED", "impact", "Card payments fail", "affectedServices", List.of("checkout"))).statusCode(201));

            // The customer message renders from the approved template and reaches mail, the signed webhook and the external log.
            String message = call("comms-lead", "POST", comms + "/messages", Map.of("statusVersion", 1, "audience", "CUSTOMER", "scenario", "OUTAGE"))
                    .statusCode(201).body("body", equalTo("Card payments fail. We are sorry for the disruption.")).extract().path("id");
            call("comms-lead", "POST", comms + "/messages/" + message + "/send", null).statusCode(200)
                    .body("groups", hasItem("Smoke customers " + run));
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> mails("customers-" + run + "@firebreak.local", run), l -> !l.isEmpty());
            await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> !receiver.isEmpty());
            SignedWebhookReceiver.Delivery delivery = receiver.first();
            assertThat(delivery.signedWith(secret)).isTrue();
            assertThat(JsonPath.from(delivery.body()).getString("data.messageId")).isEqualTo(message);
            call("auditor", "GET", "/api/v1/comms/external-log?incident=" + id, null).statusCode(200)
                    .body("communication.kind", hasItem("CUSTOMER_ALERT"));

            // Executives hear through the executive template: the regulatory notification is satisfied.
            String note = call("comms-lead", "POST", comms + "/messages", Map.of("statusVersion", 1, "audience", "EXECUTIVE", "scenario", "OUTAGE"))
                    .statusCode(201).extract().path("id");
            call("comms-lead", "POST", comms + "/messages/" + note + "/send", null).statusCode(200)
                    .body("executiveNotificationsSatisfied", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
            call("executive", "GET", comms + "/exec-notifications", null).statusCode(200)
                    .body("find { it.rule == 'REGULATORY' }.state", equalTo("NOTIFIED"));
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> mails("board-" + run + "@firebreak.local", key), l -> !l.isEmpty());
        }
    }
}
