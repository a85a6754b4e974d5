package io.firebreak.system.smoke;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.firebreak.testing.TestKafkaClient;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * One P1 through all six services, through the gateway only, with real Keycloak tokens for each role (issue 16): an
 * Alertmanager notification and a PagerDuty event for a new tier-1 service → the P1 auto-declared by its signed policy,
 * explained → the on-call Incident Commander, Communications Lead and Technical Lead paged (their mail arrives) → the
 * page acknowledged by its link → the roles accepted from the rotations → status v1 published by the Communications
 * Lead and delivered to a signed webhook subscriber → the executive revenue threshold fires and executives are told →
 * a triage finding → an emergency change citing it, inside a code freeze with an exception and a rollback plan,
 * approved by someone else, implemented, validated by someone else → mitigated, resolved → a post-mortem due 72 h later
 * whose timeline gathers every service → action items with owners → MTTA, MTTR and MTTE in metrics and the month in
 * the executive report. Every step checks the owning service's state and, at the end, each service's topic carries
 * the incident's events.
 */
class WholeP1SmokeIT {

    private static final String GATEWAY = Gateway.URL;
    private static final String MAIL = System.getProperty("firebreak.mail.url", "http://127.0.0.1:18025");
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final Pattern ACK_LINK = Pattern.compile("(/api/v1/response/pages/[0-9a-f-]+/ack)\\?exp=(\\d+)&sig=([A-Za-z0-9_-]+)");

    private static ValidatableResponse call(String user, String method, String path, Object body) {
        return Gateway.call(user, method, path, body);
    }

    private static List<Map<String, Object>> mails(String person, String fragment) {
        return given().baseUri(MAIL).when().get("/api/user/" + person + "@firebreak.local/messages/").then().statusCode(200).extract()
                .jsonPath().getList("findAll { it.subject.contains('" + fragment + "') }");
    }

    @Test
    void aP1RunsFromItsFirstAlertsToItsMetricsThroughEveryServiceAndTopic() throws Exception {
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String service = "whole-" + run;
        try (SignedWebhookReceiver hooks = new SignedWebhookReceiver()) {
            // --- The setting: a tier-1 service of the payments team, governed by the signed policy, with an intake key;
            // a platform subscribed to comms' webhooks; executives who hear about this service; an executive template.
            call("service-owner", "POST", "/api/v1/classification/services", Map.of("name", service, "description", "Whole-P1 smoke " + run,
                    "tier", 1, "owningTeam", "payments", "owners", List.of("service-owner"), "customerFacing", true, "regulated", false,
                    "usersTotal", 1_000_000, "sla", Map.of("P1", Map.of("acknowledgeMinutes", 5, "resolveMinutes", 240)))).statusCode(201);
            int version = call("service-owner", "GET", "/api/v1/classification/policies/active", null).statusCode(200).extract().path("version");
            call("service-owner", "POST", "/api/v1/classification/policies/" + version + "/sign-offs",
                    Map.of("service", service, "comment", "whole-P1 smoke: the active policy governs " + service))
                    .statusCode(anyOf(equalTo(200), equalTo(201)));
            String routingKey = call("service-owner", "POST", "/api/v1/classification/services/" + service + "/integration-keys",
                    Map.of("name", "monitoring")).statusCode(201).extract().path("routingKey");
            String hookSecret = call("comms-lead", "POST", "/api/v1/comms/webhooks", Map.of("name", "status platform " + run,
                    "url", hooks.url("/hooks"),
                    "eventTypes", List.of("status.published", "exec_notification.required"))).statusCode(201).extract().path("secret");
            call("admin", "POST", "/api/v1/comms/stakeholder-groups", Map.of("name", "Board " + run, "kind", "EXECUTIVES",
                    "businessServices", List.of(service), "priorities", List.of("P1"),
                    "channels", List.of(Map.of("kind", "EMAIL", "address", "board-" + run + "@firebreak.local")))).statusCode(201);
            String template = call("admin", "POST", "/api/v1/comms/templates", Map.of("audience", "EXECUTIVE", "scenario", "OUTAGE",
                    "subject", "[{incident.priority}] {incident.key} board note", "body", "{status.impact} ({status.affectedServices})."))
                    .statusCode(201).extract().path("id");
            call("comms-lead", "POST", "/api/v1/comms/templates/" + template + "/approve", Map.of()).statusCode(200).body("state", equalTo("APPROVED"));

            // --- 1. Alerts: Alertmanager's notification and a PagerDuty event with the revenue at stake (30 minutes ago).
            Instant detected = Instant.now().minus(Duration.ofMinutes(30));
            given().baseUri(GATEWAY).contentType(ContentType.JSON).body(Map.of("version", "4", "groupKey", "{}:{alertname=\"CheckoutErrors\",run=\"" + run + "\"}",
                    "status", "firing", "receiver", "firebreak", "groupLabels", Map.of("alertname", "CheckoutErrors"),
                    "commonLabels", Map.of("alertname", "CheckoutErrors", "severity", "critical", "job", "checkout"),
                    "commonAnnotations", Map.of("summary", "Checkout error rate above 40% " + run),
                    "alerts", List.of(Map.of("status", "firing", "labels", Map.of("alertname", "CheckoutErrors", "severity", "critical", "instance", "checkout-1"),
                            "annotations", Map.of("summary", "Checkout error rate above 40% " + run), "startsAt", detected.toString(),
                            "endsAt", "0001-01-01T00:00:00Z", "fingerprint", run + "a1"))))
                    .when().post("/api/v1/classification/intake/alertmanager/" + routingKey).then().statusCode(202);
            given().baseUri(GATEWAY).contentType(ContentType.JSON).body(Map.of("routing_key", routingKey, "event_action", "trigger",
                    "dedup_key", "payments-failing-" + run, "payload", Map.of("summary", "Card payments failing " + run, "source", "synthetics",
                            "severity", "critical", "timestamp", detected.toString(),
                            "custom_details", Map.of("impact", Map.of("revenueLossPerHour", 120_000, "customerFacing", true)))))
                    .when().post("/v2/enqueue").then().statusCode(202);

            // One incident for the service: a P1 the signed policy computed from the revenue at stake, with its explanation.
            JsonPath declared = await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> call("viewer", "GET",
                    "/api/v1/classification/incidents?businessService=" + service, null).statusCode(200).extract().jsonPath(),
                    page -> page.getInt("total") >= 1);
            assertThat(declared.getInt("total")).as("one incident for the storm").isEqualTo(1);
            String id = declared.getString("items[0].id");
            String key = declared.getString("items[0].key");
            call("viewer", "GET", "/api/v1/classification/incidents/" + id, null).statusCode(200).body("priority", equalTo("P1"))
                    .body("classificationBasis", equalTo("POLICY")).body("policyVersion", equalTo(version))
                    .body("explanation.priority", equalTo("P1")).body("explanation.fired", org.hamcrest.Matchers.not(org.hamcrest.Matchers.empty()))
                    .body("explanation.summary", notNullValue()).body("detectedAt", notNullValue());
            // Both alert groups are stored; the PagerDuty one declared it.
            JsonPath groups = call("viewer", "GET", "/api/v1/classification/alert-groups?service=" + service, null).statusCode(200).extract().jsonPath();
            assertThat(groups.getList("items")).hasSize(2);
            assertThat(groups.getString("items.find { it.dedupKey == 'payments-failing-" + run + "' }.incidentId")).isEqualTo(id);

            // --- 2. Paging: the on-call IC, Comms Lead and Tech Lead (payments rotations) each get the page by mail.
            for (String person : List.of("incident-commander", "comms-lead", "tech-lead")) {
                await(person + " paged").atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> mails(person, key), l -> !l.isEmpty());
            }
            String mime = ((String) mails("incident-commander", key).get(0).get("mimeMessage")).replace("=\r\n", "").replace("=3D", "=");
            Matcher link = ACK_LINK.matcher(mime);
            assertThat(link.find()).as("an acknowledgement link in the commander's page").isTrue();
            given().baseUri(GATEWAY).contentType(ContentType.URLENC).formParams(Map.of("exp", link.group(2), "sig", link.group(3)))
                    .when().post(link.group(1)).then().statusCode(200);
            call("viewer", "GET", "/api/v1/response/incidents/" + id + "/paging", null).statusCode(200)
                    .body("status", equalTo("ACKNOWLEDGED")).body("acknowledgedVia", equalTo("LINK"));

            // --- 3. The three roles proposed from the rotations and accepted by their holders.
            String response = "/api/v1/response/incidents/" + id;
            await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> call("viewer", "GET", response + "/roles", null).extract().jsonPath().getList("role"), roles -> roles.size() >= 3);
            JsonPath roles = call("viewer", "GET", response + "/roles", null).extract().jsonPath();
            for (String[] holder : new String[][] {{"incident-commander", "INCIDENT_COMMANDER"}, {"comms-lead", "COMMS_LEAD"}, {"tech-lead", "TECH_LEAD"}}) {
                String assignment = roles.getString("find { it.role == '" + holder[1] + "' && it.person == '" + holder[0] + "' }.id");
                assertThat(assignment).as("%s proposed from the rotation", holder[0]).isNotNull();
                call(holder[0], "POST", response + "/roles/" + assignment + "/acceptance", null).statusCode(200).body("status", equalTo("ACCEPTED"));
            }

            // --- 4. Status v1 by the Communications Lead, delivered to the subscribed platform, signed.
            String comms = "/api/v1/comms/incidents/" + id;
            await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> call("comms-lead", "POST", comms + "/status",
                    Map.of("state", "INVESTIGATING", "impact", "Card payments fail for most customers", "affectedServices", List.of(service)))
                    .statusCode(201).body("version", equalTo(1)));
            SignedWebhookReceiver.Delivery status = await().atMost(WAIT).pollInterval(Duration.ofMillis(250))
                    .until(() -> hooks.find("\"status.published\"", id), d -> d != null);
            assertThat(status.signedWith(hookSecret)).isTrue();
            assertThat(JsonPath.from(status.body()).getInt("data.version")).isEqualTo(1);

            // --- 5. The executive threshold: 120,000 per hour reached 50,000 after 25 minutes — it fired (notify within 15), the platform heard,
            // executives are told through the approved template.
            await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> call("executive", "GET", comms + "/exec-notifications", null)
                    .statusCode(200).body("find { it.rule == 'FINANCIAL' }.state", equalTo("PENDING")));
            await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> hooks.find("\"exec_notification.required\"", id) != null);
            String note = call("comms-lead", "POST", comms + "/messages", Map.of("statusVersion", 1, "audience", "EXECUTIVE", "scenario", "OUTAGE"))
                    .statusCode(201).extract().path("id");
            call("comms-lead", "POST", comms + "/messages/" + note + "/send", null).statusCode(200)
                    .body("executiveNotificationsSatisfied", greaterThanOrEqualTo(1));
            call("executive", "GET", comms + "/exec-notifications", null).statusCode(200).body("find { it.rule == 'FINANCIAL' }.state", equalTo("NOTIFIED"));
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> mails("board-" + run, key), l -> !l.isEmpty());

            // --- 6. Triage: the Technical Lead's confirmed finding reaches change.
            call("tech-lead", "POST", response + "/triage/findings", Map.of("statement", "Release 2.3.0 of " + service + " breaks card tokenisation",
                    "component", service, "evidence", List.of("https://grafana.firebreak.local/d/payments"))).statusCode(201);
            String change = "/api/v1/change/incidents/" + id;
            String finding = await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> call("viewer", "GET",
                    change + "/findings", null).statusCode(200).extract().jsonPath().getString("find { it.statement.contains('2.3.0') }.findingId"),
                    f -> f != null);

            // --- 7. The emergency change, inside a code freeze of the service: approved by someone else, blocked until a
            // freeze exception (granted by someone other than the requester, with the rollback plan), validated by another.
            call("change-approver", "POST", "/api/v1/change/freeze-windows", Map.of("name", "Quarter close " + run,
                    "startsAt", Instant.now().minus(Duration.ofMinutes(5)).toString(), "endsAt", Instant.now().plus(Duration.ofHours(4)).toString(),
                    "services", List.of(service), "reason", "quarter-end close")).statusCode(201);
            var requested = await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> call("tech-lead", "POST", change + "/changes",
                    Map.of("targetService", service, "action", "rollback", "parameters", Map.of("fromVersion", "2.3.0", "toVersion", "2.2.4"),
                            "description", "Roll " + service + " back to 2.2.4", "expectedEffect", "Card payments succeed again within 10 minutes",
                            "risk", "LOW", "findingId", finding, "rollbackPlan", Map.of("steps", List.of("redeploy 2.3.0"),
                                    "verification", "version endpoint answers 2.3.0", "estimatedRollbackMinutes", 5))).extract(),
                    r -> r.statusCode() == 201);
            String changeId = requested.path("id");
            String path = "/api/v1/change/changes/" + changeId;
            call("tech-lead", "POST", path + "/approve", Map.of("reason", "mine")).statusCode(403);
            call("change-approver", "POST", path + "/approve", Map.of("reason", "known-good version")).statusCode(200).body("state", equalTo("APPROVED"));
            call("tech-lead", "POST", path + "/start", null).statusCode(409).contentType("application/problem+json");
            call("tech-lead", "POST", path + "/freeze-exceptions", Map.of("expiresAt", Instant.now().plus(Duration.ofHours(2)).toString(),
                    "reason", "mine")).statusCode(403);
            call("change-approver", "POST", path + "/freeze-exceptions", Map.of("expiresAt", Instant.now().plus(Duration.ofHours(2)).toString(),
                    "reason", "payments are failing; the rollback restores the release before the freeze")).statusCode(201);
            call("tech-lead", "POST", path + "/start", null).statusCode(200).body("state", equalTo("IMPLEMENTING"));
            call("tech-lead", "POST", path + "/implemented", null).statusCode(200).body("state", equalTo("IMPLEMENTED"));
            call("tech-lead", "POST", path + "/validate", Map.of("result", "PASSED", "evidence", "mine")).statusCode(403);
            call("responder", "POST", path + "/validate", Map.of("result", "PASSED", "evidence", "payments succeed for 15 minutes")).statusCode(200)
                    .body("state", equalTo("VALIDATED"));

            // --- 8. Mitigated and resolved by the commander.
            call("incident-commander", "POST", response + "/transitions", Map.of("action", "MITIGATE", "note", "rolled back to 2.2.4")).statusCode(200);
            call("incident-commander", "POST", response + "/transitions", Map.of("action", "RESOLVE", "resolutionSummary", "2.3.0 withdrawn"))
                    .statusCode(200).body("status", equalTo("RESOLVED"));

            // --- 9. The post-mortem: opened, owned by the commander, due 72 h after resolution; a timeline from every
            // service that took part, validated; action items only with owners.
            String review = "/api/v1/review/incidents/" + id;
            JsonPath postmortem = await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> call("viewer", "GET",
                    review + "/postmortem", null).statusCode(200).extract().jsonPath(), p -> "DRAFT".equals(p.getString("state")));
            assertThat(postmortem.getString("owner")).isEqualTo("incident-commander");
            assertThat(Duration.between(Instant.parse(postmortem.getString("resolvedAt")), Instant.parse(postmortem.getString("dueAt"))))
                    .isEqualTo(Duration.ofHours(72));
            await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> call("viewer", "GET", review + "/timeline", null)
                    .statusCode(200).body("entries.kind", hasItems("DECLARED", "ACKNOWLEDGED", "STATUS_PUBLISHED", "MITIGATED", "RESOLVED"))
                    .body("entries.source", hasItems("classification", "response", "comms", "change")));
            call("incident-commander", "POST", review + "/action-items", Map.of("title", "Canary card tokenisation", "priority", "HIGH", "type", "FIX"))
                    .statusCode(400).contentType("application/problem+json");
            for (String[] item : new String[][] {{"Canary card tokenisation before full rollout", "tech-lead"}, {"Page payments on tokenisation errors", "responder"}}) {
                call("incident-commander", "POST", review + "/action-items", Map.of("title", item[0], "owner", item[1],
                        "deadline", Instant.now().plus(Duration.ofDays(14)).toString(), "priority", "HIGH", "type", "FIX")).statusCode(201);
            }
            call("viewer", "GET", review + "/action-items", null).statusCode(200).body("owner", hasItems("tech-lead", "responder"));
            call("incident-commander", "PUT", review + "/postmortem", Map.of("summary", "Release 2.3.0 broke card tokenisation; rolled back.")).statusCode(200);
            call("incident-commander", "POST", review + "/postmortem/submit", null).statusCode(200).body("state", equalTo("IN_REVIEW"));
            for (String flag : call("viewer", "GET", review + "/timeline", null).extract().jsonPath().<String>getList("flags.findAll { it.resolution == null }.key")) {
                call("incident-commander", "POST", review + "/timeline/flags/" + flag + "/resolution",
                        Map.of("resolution", "ACCEPTED", "note", "checked in the whole-P1 run")).statusCode(200);
            }
            call("incident-commander", "POST", review + "/postmortem/publish", null).statusCode(200).body("state", equalTo("PUBLISHED"));

            // --- 10. Metrics: the incident's MTTA, MTTR and MTTE, and the month's executive report counting it.
            await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> call("executive", "GET", "/api/v1/metrics/incidents/" + id, null)
                    .statusCode(200).body("mttaSeconds", notNullValue()).body("mttrSeconds", notNullValue()).body("mtteSeconds", notNullValue())
                    .body("revenueImpact", greaterThan(0f)));
            JsonPath figures = call("executive", "GET", "/api/v1/metrics/incidents/" + id, null).extract().jsonPath();
            assertThat(figures.getLong("mttaSeconds")).isBetween(0L, figures.getLong("mttrSeconds"));
            String month = YearMonth.now(ZoneOffset.UTC).toString();
            call("executive", "GET", "/api/v1/metrics/reports/monthly?month=" + month, null).statusCode(200).body("month", equalTo(month))
                    .body("months[5].incidents", greaterThanOrEqualTo(1)).body("mtta.count", greaterThanOrEqualTo(1))
                    .body("mttr.count", greaterThanOrEqualTo(1)).body("mtte.count", greaterThanOrEqualTo(1));

            // --- Every service's topic carries the incident's events.
            expectEvents("firebreak.signals", run, Set.of("io.firebreak.signal.received.v1"));
            expectEvents("firebreak.classification", id, Set.of("io.firebreak.incident.declared.v1"));
            expectEvents("firebreak.response", id, Set.of("io.firebreak.page.triggered.v1", "io.firebreak.page.delivered.v1",
                    "io.firebreak.page.acknowledged.v1", "io.firebreak.role.assigned.v1", "io.firebreak.triage.finding_recorded.v1",
                    "io.firebreak.response.mitigated.v1", "io.firebreak.response.resolved.v1"));
            expectEvents("firebreak.comms", id, Set.of("io.firebreak.status.published.v1", "io.firebreak.exec_notification.required.v1",
                    "io.firebreak.exec_notification.sent.v1", "io.firebreak.message.sent.v1"));
            expectEvents("firebreak.change", id, Set.of("io.firebreak.change.requested.v1", "io.firebreak.change.approved.v1",
                    "io.firebreak.freeze_exception.granted.v1", "io.firebreak.change.implementation_started.v1", "io.firebreak.change.implemented.v1",
                    "io.firebreak.change.validated.v1"));
            expectEvents("firebreak.review", id, Set.of("io.firebreak.postmortem.opened.v1", "io.firebreak.action_item.created.v1",
                    "io.firebreak.postmortem.published.v1"));
        }
    }

    /** Reads the topic until the records mentioning {@code fragment} carry every expected CloudEvents type. */
    private static void expectEvents(String topic, String fragment, Set<String> expected) {
        List<ConsumerRecord<String, byte[]>> records = TestKafkaClient.readUntil(topic, r -> types(r, fragment).containsAll(expected), WAIT);
        assertThat(types(records, fragment)).as(topic).containsAll(expected);
    }

    private static Set<String> types(List<ConsumerRecord<String, byte[]>> records, String fragment) {
        Set<String> out = new TreeSet<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            if (fragment.equals(r.key()) || TestKafkaClient.value(r).contains(fragment)) {
                out.add(TestKafkaClient.header(r, "ce_type"));
            }
        }
        return out;
    }
}
