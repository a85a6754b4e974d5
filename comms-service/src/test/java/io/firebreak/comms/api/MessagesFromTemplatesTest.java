package io.firebreak.comms.api;

import static io.firebreak.comms.api.CommsFixtures.WAIT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.firebreak.platform.delivery.StandardWebhooks;
import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestReceiver;
import io.firebreak.testing.TestRun;
import io.firebreak.testing.TestSmtp;
import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Audience templates with approved language, messages rendered from them, approver overrides for free text, and
 * delivery to stakeholder groups over real SMTP and real HTTP receivers, on real PostgreSQL and Kafka.
 */
@QuarkusTest
class MessagesFromTemplatesTest {

    private static final TestReceiver RECEIVER = new TestReceiver();

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    private static ValidatableResponse as(String user, String role, Object body, String path) {
        return given().auth().oauth2(Tokens.as(user, role)).contentType(ContentType.JSON).body(body).post(path).then();
    }

    private static String proposeTemplate(String author, String audience, String scenario, String subject, String body) {
        return as(author, "comms-lead", Map.of("audience", audience, "scenario", scenario, "subject", subject, "body", body),
                "/api/v1/comms/templates").statusCode(201).body("state", equalTo("PENDING")).extract().path("id");
    }

    private static ValidatableResponse approveTemplate(String user, String role, String id) {
        return as(user, role, Map.of(), "/api/v1/comms/templates/" + id + "/approve");
    }

    private static String approvedSnippet(String name, String text) {
        String id = as("tess", "comms-lead", Map.of("name", name, "text", text), "/api/v1/comms/snippets").statusCode(201).extract().path("id");
        as("ulla", "comms-lead", Map.of(), "/api/v1/comms/snippets/" + id + "/approve").statusCode(200).body("state", equalTo("PENDING"));
        as("eve", "executive", Map.of(), "/api/v1/comms/snippets/" + id + "/approve").statusCode(200).body("state", equalTo("APPROVED"));
        return id;
    }

    /** A P1 of {@code service} with {@code lead} as its Communications Lead and status v1 published. */
    private static UUID incidentWithStatus(String service, String lead) {
        UUID incident = CommsFixtures.declared("P1", false, service);
        CommsFixtures.roleAssigned(incident, "COMMS_LEAD", lead);
        await().atMost(WAIT).untilAsserted(() -> as(lead, "comms-lead", Map.of("state", "IDENTIFIED", "impact", "Card payments fail",
                "affectedServices", List.of(service, "payments")), "/api/v1/comms/incidents/" + incident + "/status").statusCode(201));
        return incident;
    }

    private static String messages(UUID incident) {
        return "/api/v1/comms/incidents/" + incident + "/messages";
    }

    private static List<JsonPath> commsEvents(String key, String type) {
        java.util.function.Function<List<ConsumerRecord<String, byte[]>>, List<JsonPath>> mine = records -> records.stream()
                .filter(r -> key.equals(r.key())).filter(r -> type.equals(TestKafkaClient.header(r, "ce_type")))
                .map(r -> JsonPath.from(new String(r.value(), StandardCharsets.UTF_8))).toList();
        return mine.apply(TestKafkaClient.readUntil(TestRun.topic("comms"), records -> !mine.apply(records).isEmpty(), WAIT));
    }

    @Test
    void aCustomerTemplateNeedsACommsLeadAndASecondApproverNeverItsAuthor() {
        String id = proposeTemplate("tess", "CUSTOMER", "MAINTENANCE", "Planned maintenance on {incident.businessService}",
                "{status.impact}");
        approveTemplate("tess", "comms-lead", id).statusCode(403).contentType("application/problem+json");
        approveTemplate("eve", "executive", id).statusCode(200).body("state", equalTo("PENDING"))
                .body("stillNeeds", equalTo("an approval by a comms lead"));
        approveTemplate("eve", "executive", id).statusCode(409);
        approveTemplate("ulla", "comms-lead", id).statusCode(200).body("state", equalTo("APPROVED"))
                .body("approvals.approver", contains("eve", "ulla")).body("approvals.role", contains("executive", "comms-lead"));
        approveTemplate("vic", "comms-lead", id).statusCode(409);
        approveTemplate("rita", "responder", id).statusCode(403);

        // An executive template needs one comms lead only.
        String exec = proposeTemplate("tess", "EXECUTIVE", "MAINTENANCE", "{incident.key} maintenance", "{status.impact}");
        approveTemplate("ulla", "comms-lead", exec).statusCode(200).body("state", equalTo("APPROVED"));

        JsonPath event = commsEvents("template/CUSTOMER/MAINTENANCE", "io.firebreak.language.approved.v1").get(0);
        assertThat(event.getList("approvers")).containsExactly("eve", "ulla");
        assertThat(event.getString("authoredBy")).isEqualTo("tess");
    }

    @Test
    void aPendingVersionIsNeverUsedAndTheNewestApprovedOneIs() {
        UUID incident = incidentWithStatus("search-" + UUID.randomUUID(), "cora");
        Map<String, Object> draft = Map.of("statusVersion", 1, "audience", "TECHNICAL", "scenario", "DEGRADATION");
        as("cora", "comms-lead", draft, messages(incident) + "/preview").statusCode(409).body("detail", containsString("never used"));

        String v1 = proposeTemplate("tess", "TECHNICAL", "DEGRADATION", "[{incident.priority}] {incident.key} degraded",
                "State: {status.state}. Impact: {status.impact}. Affected: {status.affectedServices}.");
        approveTemplate("ulla", "comms-lead", v1).statusCode(200);
        proposeTemplate("tess", "TECHNICAL", "DEGRADATION", "{incident.key} v2 wording", "Pending wording: {status.impact}");

        as("cora", "comms-lead", draft, messages(incident) + "/preview").statusCode(200)
                .body("body", org.hamcrest.Matchers.matchesPattern("State: identified\\. Impact: Card payments fail\\. Affected: search-[0-9a-f-]+, payments\\."))
                .body("subject", containsString("[P1] INC-2026-")).body("needsOverride", equalTo(false));
        as("cora", "comms-lead", draft, messages(incident)).statusCode(201).body("body", containsString("State: identified"))
                .body("scenario", equalTo("DEGRADATION")).body("state", equalTo("READY"));

        String v2 = given().auth().oauth2(Tokens.as("ulla", "comms-lead")).queryParam("audience", "TECHNICAL").queryParam("scenario", "DEGRADATION")
                .get("/api/v1/comms/templates").then().statusCode(200).body("version[0]", equalTo(2)).extract().path("id[0]");
        approveTemplate("vic", "comms-lead", v2).statusCode(200).body("state", equalTo("APPROVED"));
        as("cora", "comms-lead", draft, messages(incident)).statusCode(201).body("body", equalTo("Pending wording: Card payments fail"));
    }

    @Test
    void unknownPlaceholdersAreRefusedAndAMissingValueIsAValidationErrorNotAHole() {
        as("tess", "comms-lead", Map.of("audience", "EXECUTIVE", "scenario", "DATA_EXPOSURE", "subject", "{incident.key}",
                "body", "Loss: {incident.revenueLoss}"), "/api/v1/comms/templates").statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("body"))
                .body("violations.message[0]", containsString("{incident.revenueLoss}"));
        as("tess", "comms-lead", Map.of("audience", "EXECUTIVE", "scenario", "DATA_EXPOSURE", "subject", "{incident.key}",
                "body", "{snippet.never_written}"), "/api/v1/comms/templates").statusCode(400)
                .body("violations.message[0]", containsString("no snippet named never-written"));

        // A snippet that exists but is still pending: the template is valid, yet a render has no value for it.
        as("tess", "comms-lead", Map.of("name", "board-assurance", "text", "The board is informed."), "/api/v1/comms/snippets").statusCode(201);
        String id = proposeTemplate("tess", "EXECUTIVE", "DATA_EXPOSURE", "{incident.key}: possible data exposure",
                "{status.impact} {snippet.board_assurance}");
        approveTemplate("ulla", "comms-lead", id).statusCode(200).body("state", equalTo("APPROVED"));

        UUID incident = incidentWithStatus("vault-" + UUID.randomUUID(), "cleo");
        Map<String, Object> draft = Map.of("statusVersion", 1, "audience", "EXECUTIVE", "scenario", "DATA_EXPOSURE");
        as("cleo", "comms-lead", draft, messages(incident) + "/preview").statusCode(400).contentType("application/problem+json")
                .body("violations.message[0]", containsString("board_assurance"));
        as("cleo", "comms-lead", draft, messages(incident)).statusCode(400);
        given().auth().oauth2(Tokens.as("aude", "auditor")).get(messages(incident)).then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void customerFreeTextNeedsAnApproversRecordedOverrideAndSendingReachesEveryChannelAndTheExternalLog() throws Exception {
        String service = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        approvedSnippet("apology", "We are sorry for the disruption.");
        String t = proposeTemplate("tess", "CUSTOMER", "OUTAGE", "{incident.businessService} is unavailable",
                "{status.impact}. {snippet.apology}{#if freeText??} {freeText}{/if}");
        approveTemplate("ulla", "comms-lead", t).statusCode(200);
        approveTemplate("eve", "executive", t).statusCode(200).body("state", equalTo("APPROVED"));

        String mail = "customers-" + service + "@example.test";
        Map<String, Object> group = new HashMap<>(Map.of("name", "Customers of " + service, "kind", "CUSTOMER", "businessServices", List.of(service),
                "channels", List.of(Map.of("kind", "EMAIL", "address", mail), Map.of("kind", "SLACK", "address", RECEIVER.url("127.0.0.31", "/slack")),
                        Map.of("kind", "WEBHOOK", "address", RECEIVER.url("127.0.0.31", "/signed")))));
        String secret = as("carla", "comms-lead", group, "/api/v1/comms/stakeholder-groups").statusCode(201)
                .body("audience", equalTo("CUSTOMER")).extract().path("webhookSecret");
        assertThat(secret).startsWith("whsec_");

        UUID incident = incidentWithStatus(service, "carla");
        as("carla", "comms-lead", Map.of("statusVersion", 1, "audience", "CUSTOMER", "body", "We broke it"), messages(incident))
                .statusCode(400).body("violations.field", hasItem("scenario"));
        String id = as("carla", "comms-lead", Map.of("statusVersion", 1, "audience", "CUSTOMER", "scenario", "OUTAGE",
                "freeText", "Card payments made before 10:00 are safe."), messages(incident)).statusCode(201)
                .body("state", equalTo("AWAITING_OVERRIDE"))
                .body("body", equalTo("Card payments fail. We are sorry for the disruption. Card payments made before 10:00 are safe."))
                .extract().path("id");
        String message = messages(incident) + "/" + id;
        as("carla", "comms-lead", Map.of(), message + "/send").statusCode(409).body("detail", containsString("override"));
        as("carla", "comms-lead", Map.of("reason", "mine"), message + "/override").statusCode(403);
        as("rita", "responder", Map.of("reason", "not an approver"), message + "/override").statusCode(403);
        as("eve", "executive", Map.of(), message + "/override").statusCode(400);
        as("eve", "executive", Map.of("reason", "Legal confirmed the wording"), message + "/override").statusCode(200)
                .body("state", equalTo("READY")).body("overrideBy", equalTo("eve")).body("overrideReason", equalTo("Legal confirmed the wording"));

        long sequence = ((Number) as("carla", "comms-lead", Map.of(), message + "/send").statusCode(200)
                .body("groups", contains("Customers of " + service)).body("deliveries", equalTo(3)).body("message.state", equalTo("SENT"))
                .extract().path("externalLogSequence")).longValue();
        as("carla", "comms-lead", Map.of(), message + "/send").statusCode(409);

        await().atMost(WAIT).untilAsserted(() -> {
            List<MimeMessage> mails = TestSmtp.messagesTo(mail);
            assertThat(mails).hasSize(1);
            assertThat(mails.get(0).getSubject()).isEqualTo(service + " is unavailable");
            assertThat(RECEIVER.received("/slack")).hasSize(1);
            assertThat(RECEIVER.received("/signed")).hasSize(1);
        });
        assertThat(JsonPath.from(RECEIVER.received("/slack").get(0).body()).getString("text")).contains("We are sorry for the disruption.");
        TestReceiver.Received signed = RECEIVER.received("/signed").get(0);
        assertThat(StandardWebhooks.verify(secret, signed.headers().get(StandardWebhooks.ID),
                Long.parseLong(signed.headers().get(StandardWebhooks.TIMESTAMP)), signed.body(), signed.headers().get(StandardWebhooks.SIGNATURE)))
                .isTrue();
        assertThat(JsonPath.from(signed.body()).getString("data.messageId")).isEqualTo(id);
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as("carla", "comms-lead")).get(message + "/deliveries").then()
                .statusCode(200).body("size()", equalTo(3)).body("status", contains("DELIVERED", "DELIVERED", "DELIVERED")));

        given().auth().oauth2(Tokens.as("aude", "auditor")).queryParam("incident", incident.toString()).get("/api/v1/comms/external-log")
                .then().statusCode(200).body("size()", equalTo(1)).body("[0].sequence", equalTo((int) sequence))
                .body("[0].communication.kind", equalTo("CUSTOMER_ALERT")).body("[0].communication.approvers", contains("ulla", "eve"))
                .body("[0].communication.text", containsString("Card payments made before 10:00 are safe."))
                .body("[0].communication.author", equalTo("carla"));
        JsonPath sent = commsEvents(incident.toString(), "io.firebreak.message.sent.v1").get(0);
        assertThat(sent.getString("overrideBy")).isEqualTo("eve");
        assertThat(sent.getList("groups")).containsExactly("Customers of " + service);
        assertThat(sent.getInt("deliveries")).isEqualTo(3);
        given().auth().oauth2(Tokens.as("aude", "auditor")).get(messages(incident)).then().statusCode(200)
                .body("[0].sentBy", equalTo("carla")).body("[0].overrideAt", org.hamcrest.Matchers.notNullValue())
                .body("[0].scenario", equalTo("OUTAGE")).body("[0].freeText", equalTo("Card payments made before 10:00 are safe."))
                .body("[1]", nullValue());
    }

    @Test
    void aRestrictedIncidentReachesOnlyGroupsAnAdminLetSeeItAndGroupInputIsValidated() {
        String service = "ledger-" + UUID.randomUUID().toString().substring(0, 8);
        as("carla", "comms-lead", Map.of("name", "bad", "kind", "EXECUTIVES", "channels", List.of(Map.of("kind", "EMAIL", "address", "not-mail"),
                Map.of("kind", "PIGEON", "address", "x"))), "/api/v1/comms/stakeholder-groups").statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("channels[1].kind"));
        as("carla", "comms-lead", Map.of("name", "bad", "kind", "EXECUTIVES", "channels", List.of(Map.of("kind", "EMAIL", "address", "not-mail"))),
                "/api/v1/comms/stakeholder-groups").statusCode(400).body("violations.field", contains("channels[0]"));
        Map<String, Object> board = Map.of("name", "Board " + service, "kind", "EXECUTIVES", "businessServices", List.of(service),
                "includeRestricted", true, "channels", List.of(Map.of("kind", "EMAIL", "address", "board-" + service + "@example.test")));
        as("carla", "comms-lead", board, "/api/v1/comms/stakeholder-groups").statusCode(403);
        as("ada", "admin", board, "/api/v1/comms/stakeholder-groups").statusCode(201).body("webhookSecret", nullValue());
        as("carla", "comms-lead", Map.of("name", "Execs " + service, "kind", "EXECUTIVES", "businessServices", List.of(service),
                "channels", List.of(Map.of("kind", "EMAIL", "address", "execs-" + service + "@example.test"))), "/api/v1/comms/stakeholder-groups")
                .statusCode(201);

        UUID incident = incidentWithStatus(service, "cato");
        CommsFixtures.restricted(incident, "cato");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.as("rita", "responder")).get(messages(incident)).then().statusCode(404));
        String id = as("cato", "comms-lead", Map.of("statusVersion", 1, "audience", "EXECUTIVE", "body", "Possible exposure of ledger data."),
                messages(incident)).statusCode(201).extract().path("id");
        as("cato", "comms-lead", Map.of(), messages(incident) + "/" + id + "/send").statusCode(200)
                .body("groups", contains("Board " + service)).body("withheld", contains("Execs " + service)).body("deliveries", equalTo(1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(TestSmtp.messagesTo("board-" + service + "@example.test")).hasSize(1));
        assertThat(TestSmtp.messagesTo("execs-" + service + "@example.test")).isEmpty();
    }
}
