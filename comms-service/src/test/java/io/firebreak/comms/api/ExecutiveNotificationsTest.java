package io.firebreak.comms.api;

import static io.firebreak.comms.api.CommsFixtures.WAIT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.firebreak.platform.deadline.DeadlineFiring;
import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestRun;
import io.firebreak.testing.TestSmtp;
import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Executive thresholds firing, justified delays, breaches and notification through the executive template, on real PostgreSQL, Kafka and SMTP. */
@QuarkusTest
class ExecutiveNotificationsTest {

    private final DeadlineFiring deadlines;

    ExecutiveNotificationsTest(DeadlineFiring deadlines) {
        this.deadlines = deadlines;
    }

    private void timeIs(Instant at) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> deadlines.fireDue(at));
    }

    private static ValidatableResponse as(String user, String role, Object body, String path) {
        return given().auth().oauth2(Tokens.as(user, role)).contentType(ContentType.JSON).body(body).post(path).then();
    }

    private static ValidatableResponse notifications(UUID incident) {
        return given().auth().oauth2(Tokens.as("aude", "auditor")).get("/api/v1/comms/incidents/" + incident + "/exec-notifications").then()
                .statusCode(200);
    }

    private static List<JsonPath> events(UUID incident, String type, int atLeast) {
        java.util.function.Function<List<ConsumerRecord<String, byte[]>>, List<JsonPath>> mine = records -> records.stream()
                .filter(r -> incident.toString().equals(r.key())).filter(r -> type.equals(TestKafkaClient.header(r, "ce_type")))
                .map(r -> JsonPath.from(new String(r.value(), StandardCharsets.UTF_8))).toList();
        return mine.apply(TestKafkaClient.readUntil(TestRun.topic("comms"), records -> mine.apply(records).size() >= atLeast, WAIT));
    }

    @Test
    void aP1WhoseResolutionArrivedBeforeItsDeclarationNeverNeedsExecutivesTold() throws Throwable {
        Instant declared = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID incident = UUID.randomUUID();
        String key = CommsFixtures.key();
        String service = "orders-" + UUID.randomUUID();
        CommsFixtures.send("response", incident, "io.firebreak.response.resolved.v1", "{\"incidentId\":\"" + incident + "\",\"incidentKey\":\""
                + key + "\",\"businessService\":\"" + service + "\",\"priority\":\"P1\",\"drill\":false,\"status\":\"RESOLVED\","
                + "\"previousStatus\":\"MITIGATED\",\"changedBy\":\"ivan\",\"changedAt\":\"" + declared.plusSeconds(600) + "\",\"detectedAt\":\""
                + declared.minusSeconds(60) + "\",\"declaredAt\":\"" + declared + "\",\"mitigatedAt\":\"" + declared.plusSeconds(300)
                + "\",\"resolvedAt\":\"" + declared.plusSeconds(600) + "\",\"reopenCount\":0}");
        // Response's topic is consumed apart from classification's: the resolution is recorded before the declaration arrives.
        await().atMost(CommsFixtures.WAIT).until(() -> {
            try (java.sql.Connection c = io.firebreak.testing.TestPostgres.connect();
                 java.sql.PreparedStatement q = c.prepareStatement("select count(*) from comms.incident where incident_id = ? and response_status = 'RESOLVED'")) {
                q.setObject(1, incident);
                try (java.sql.ResultSet r = q.executeQuery()) {
                    return r.next() && r.getLong(1) == 1;
                }
            }
        });
        CommsFixtures.declared(incident, key, "P1", false, service, null, declared);
        CommsFixtures.roleAssigned(incident, "COMMS_LEAD", "cleo");

        timeIs(declared.plus(Duration.ofMinutes(31)));
        notifications(incident).body("size()", equalTo(0));
    }

    @Test
    void aP1OpenThirtyMinutesNeedsExecutivesToldItsDelayNeedsAJustificationAndWithoutOneItIsOverdue() throws Throwable {
        Instant declared = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID incident = CommsFixtures.declared("P1", false, "orders-" + UUID.randomUUID(), null, declared);
        CommsFixtures.roleAssigned(incident, "COMMS_LEAD", "cleo");
        CommsFixtures.roleAssigned(incident, "INCIDENT_COMMANDER", "ivan");

        timeIs(declared.plus(Duration.ofMinutes(29)));
        notifications(incident).body("size()", equalTo(0));
        timeIs(declared.plus(Duration.ofMinutes(31)));
        String id = notifications(incident).body("size()", equalTo(1)).body("[0].rule", equalTo("DURATION"))
                .body("[0].reason", equalTo("P1 open for 30 min")).body("[0].state", equalTo("PENDING"))
                .body("[0].windowDueAt", equalTo(declared.plus(Duration.ofMinutes(45)).toString())).extract().path("[0].id");
        assertThat(events(incident, "io.firebreak.exec_notification.required.v1", 1)).hasSize(1);

        String delay = "/api/v1/comms/incidents/" + incident + "/exec-notifications/" + id + "/delay";
        Instant until = declared.plus(Duration.ofHours(2));
        Map<String, Object> justified = Map.of("justification", "The executive team is in the board meeting; the CFO was told in person",
                "until", until.toString());
        as("carl", "comms-lead", justified, delay).statusCode(403).contentType("application/problem+json");
        as("rita", "responder", justified, delay).statusCode(403);
        as("cleo", "comms-lead", Map.of("until", until.toString()), delay).statusCode(400).body("violations.field", contains("justification"));
        as("cleo", "comms-lead", Map.of("justification", "later", "until", declared.plus(Duration.ofHours(6)).toString()), delay)
                .statusCode(400).body("violations[0].message", containsString("at most 4 h"));
        await().atMost(WAIT).untilAsserted(() -> as("ivan", "incident-commander", justified, delay).statusCode(200)
                .body("state", equalTo("DELAYED")).body("delayedBy", equalTo("ivan")).body("dueAt", equalTo(until.toString())));
        JsonPath delayed = events(incident, "io.firebreak.exec_notification.delayed.v1", 1).get(0);
        assertThat(delayed.getString("justification")).startsWith("The executive team");
        assertThat(delayed.getString("delayedBy")).isEqualTo("ivan");

        timeIs(declared.plus(Duration.ofMinutes(50)));
        notifications(incident).body("[0].state", equalTo("DELAYED"));
        timeIs(until.plusSeconds(60));
        notifications(incident).body("[0].state", equalTo("OVERDUE")).body("[0].overdueAt", equalTo(until.toString()));
        assertThat(events(incident, "io.firebreak.exec_notification.overdue.v1", 1).get(0).getString("state")).isEqualTo("OVERDUE");
        as("cleo", "comms-lead", justified, delay).statusCode(409);

        given().auth().oauth2(Tokens.as("eve", "executive")).queryParam("state", "OVERDUE").get("/api/v1/comms/exec-notifications").then()
                .statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(Tokens.as("eve", "executive")).queryParam("state", "LATE").get("/api/v1/comms/exec-notifications").then()
                .statusCode(400);
        List<Map<String, Object>> audited = given().auth().oauth2(Tokens.as("ada", "admin")).queryParam("limit", 1000)
                .get("/api/v1/comms/admin/audit/exec-decisions/records").then().statusCode(200).extract().jsonPath()
                .getList("items.content.findAll { it.notificationId == '" + id + "' }");
        assertThat(audited).extracting(m -> m.get("decision")).containsExactly("required", "delayed", "overdue");
        assertThat(audited.get(1).get("by")).isEqualTo("ivan");
    }

    @Test
    void regulatoryExposureFiresAtDeclarationAndOnlyAnExecutiveTemplateMessageSatisfiesIt() throws Throwable {
        String service = "vault-" + UUID.randomUUID().toString().substring(0, 8);
        String board = "board-" + service + "@example.test";
        as("ada", "admin", Map.of("name", "Board of " + service, "kind", "EXECUTIVES", "businessServices", List.of(service), "priorities", List.of("P2"),
                "channels", List.of(Map.of("kind", "EMAIL", "address", board))), "/api/v1/comms/stakeholder-groups").statusCode(201);
        String template = as("tess", "comms-lead", Map.of("audience", "EXECUTIVE", "scenario", "OUTAGE", "subject", "[{incident.priority}] {incident.key}: {incident.title}",
                "body", "{status.impact} Services: {status.affectedServices}."), "/api/v1/comms/templates").statusCode(201).extract().path("id");
        as("ulla", "comms-lead", Map.of(), "/api/v1/comms/templates/" + template + "/approve").statusCode(200);

        Instant declared = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID incident = CommsFixtures.declared("P2", false, service, "{\"dataExposure\":\"SUSPECTED\",\"regulatedService\":true}", declared);
        CommsFixtures.roleAssigned(incident, "COMMS_LEAD", "cleo");
        timeIs(declared.plusSeconds(1));
        notifications(incident).body("rule", contains("REGULATORY")).body("[0].reason", equalTo("data exposure suspected on a regulated service"));

        String messages = "/api/v1/comms/incidents/" + incident + "/messages";
        await().atMost(WAIT).untilAsserted(() -> as("cleo", "comms-lead", Map.of("state", "INVESTIGATING", "impact", "Vault records may be exposed",
                "affectedServices", List.of(service)), "/api/v1/comms/incidents/" + incident + "/status").statusCode(201));
        String free = as("cleo", "comms-lead", Map.of("statusVersion", 1, "audience", "EXECUTIVE", "body", "heads-up"), messages).statusCode(201)
                .extract().path("id");
        as("cleo", "comms-lead", Map.of(), messages + "/" + free + "/send").statusCode(200).body("executiveNotificationsSatisfied", equalTo(0));
        notifications(incident).body("[0].state", equalTo("PENDING"));

        String viaTemplate = as("cleo", "comms-lead", Map.of("statusVersion", 1, "audience", "EXECUTIVE", "scenario", "OUTAGE"), messages)
                .statusCode(201).body("subject", containsString("[P2] INC-2026-")).extract().path("id");
        as("cleo", "comms-lead", Map.of(), messages + "/" + viaTemplate + "/send").statusCode(200).body("executiveNotificationsSatisfied", equalTo(1));
        notifications(incident).body("[0].state", equalTo("NOTIFIED")).body("[0].messageId", equalTo(viaTemplate)).body("[0].late", equalTo(false));
        JsonPath sent = events(incident, "io.firebreak.exec_notification.sent.v1", 1).get(0);
        assertThat(sent.getString("messageId")).isEqualTo(viaTemplate);
        assertThat(sent.getBoolean("late")).isFalse();
        await().atMost(WAIT).untilAsserted(() -> assertThat(TestSmtp.messagesTo(board)).extracting(m -> m.getSubject())
                .contains("[P2] INC-2026-" + sent.getString("incidentKey").substring("INC-2026-".length()) + ": Checkout down"));

        // Satisfied notifications do not go overdue.
        timeIs(declared.plus(Duration.ofHours(1)));
        notifications(incident).body("[0].state", equalTo("NOTIFIED"));
        given().auth().oauth2(Tokens.as("eve", "executive")).queryParam("state", "OVERDUE").get("/api/v1/comms/exec-notifications").then()
                .statusCode(200).body("incidentId", not(hasItem(incident.toString())));
    }

    @Test
    void anExecutiveTemplateMessageThatReachesNoStakeholderGroupDoesNotSatisfyTheNotification() throws Throwable {
        String template = as("tess", "comms-lead", Map.of("audience", "EXECUTIVE", "scenario", "RESOLVED", "subject", "{incident.key} resolved",
                "body", "{status.impact}"), "/api/v1/comms/templates").statusCode(201).extract().path("id");
        as("ulla", "comms-lead", Map.of(), "/api/v1/comms/templates/" + template + "/approve").statusCode(200);
        Instant declared = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // No stakeholder group hears about this service.
        UUID incident = CommsFixtures.declared("P2", false, "nobody-listens-" + UUID.randomUUID(), "{\"regulatoryExposure\":true}", declared);
        CommsFixtures.roleAssigned(incident, "COMMS_LEAD", "cleo");
        timeIs(declared.plusSeconds(1));
        notifications(incident).body("rule", contains("REGULATORY"));
        String messages = "/api/v1/comms/incidents/" + incident + "/messages";
        await().atMost(WAIT).untilAsserted(() -> as("cleo", "comms-lead", Map.of("state", "RESOLVED", "impact", "Nothing was exposed"),
                "/api/v1/comms/incidents/" + incident + "/status").statusCode(201));
        String id = as("cleo", "comms-lead", Map.of("statusVersion", 1, "audience", "EXECUTIVE", "scenario", "RESOLVED"), messages)
                .statusCode(201).extract().path("id");
        as("cleo", "comms-lead", Map.of(), messages + "/" + id + "/send").statusCode(200).body("groups.size()", equalTo(0))
                .body("executiveNotificationsSatisfied", equalTo(0));
        notifications(incident).body("[0].state", equalTo("PENDING"));
    }
}
