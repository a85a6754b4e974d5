package io.firebreak.change.api;

import static io.firebreak.change.api.ChangeFixtures.declared;
import static io.firebreak.change.api.ChangeFixtures.events;
import static io.firebreak.change.api.ChangeFixtures.finding;
import static io.firebreak.change.api.ChangeFixtures.get;
import static io.firebreak.change.api.ChangeFixtures.post;
import static io.firebreak.change.api.ChangeFixtures.request;
import static io.firebreak.change.api.ChangeFixtures.rollback;
import static io.firebreak.change.api.ChangeFixtures.service;
import static io.firebreak.change.api.ChangeFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.firebreak.change.api.ChangeFixtures.Declared;
import io.firebreak.platform.deadline.DeadlineFiring;
import io.firebreak.testing.TestSmtp;
import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Emergency changes on real PostgreSQL and Kafka: alignment, the catalog, segregation of duties, the lifecycle and its deadlines. */
@QuarkusTest
class EmergencyChangesTest {

    private static final String CHANGES = "/api/v1/change/changes/";

    private final DeadlineFiring deadlines;

    EmergencyChangesTest(DeadlineFiring deadlines) {
        this.deadlines = deadlines;
    }

    private void timeIs(Instant at) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> deadlines.fireDue(at));
    }

    private static String changes(Declared incident) {
        return "/api/v1/change/incidents/" + incident.id() + "/changes";
    }

    private static String requested(Declared incident, Map<String, Object> body) {
        return post("rita", "responder", body, changes(incident)).statusCode(201).body("state", equalTo("REQUESTED")).extract().path("id");
    }

    @Test
    void aChangeCitingNoFindingOrAnotherIncidentsFindingIsRefusedAndNothingIsRecorded() {
        String checkout = service(unique("checkout"));
        Declared incident = declared("P1", checkout);
        Declared other = declared("P1", checkout);
        UUID elsewhere = finding(other, checkout);

        Map<String, Object> noFinding = rollback(checkout, UUID.randomUUID());
        noFinding.remove("findingId");
        post("rita", "responder", noFinding, changes(incident)).statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("findingId"));
        post("rita", "responder", rollback(checkout, elsewhere), changes(incident)).statusCode(400)
                .body("violations.find { it.field == 'findingId' }.message", containsString("is not a confirmed triage finding of " + incident.key()));
        get("aude", "auditor", changes(incident)).statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aChangeWhoseTargetTheFindingDoesNotPointAtIsRefusedWithTheMismatchAndAChangeApproverMayOverrideWithAJustification() {
        String db = service(unique("ledger-db"));
        String cache = service(unique("ledger-cache"));
        String api = service(unique("ledger-api"), db, cache);
        Declared incident = declared("P1", api);
        UUID inCache = finding(incident, cache);

        post("rita", "responder", rollback(db, inCache), changes(incident)).statusCode(400)
                .body("violations.find { it.field == 'findingId' }.message",
                        containsString("The finding points at " + cache + ", which neither is " + db + " nor depends on it"));
        Map<String, Object> overridden = rollback(db, inCache);
        overridden.put("alignmentOverride", "The cache evicts because the db is slow; rolling back the db driver fixes both");
        post("rita", "responder", overridden, changes(incident)).statusCode(403);
        String id = post("carl", "change-approver", overridden, changes(incident)).statusCode(201)
                .body("alignmentOverride", containsString("rolling back the db driver")).body("overrideBy", equalTo("carl"))
                .extract().path("id");

        get("aude", "auditor", "/api/v1/change/incidents/" + incident.id() + "/flags").statusCode(200)
                .body("find { it.changeId == '" + id + "' }.flag", equalTo("ALIGNMENT_OVERRIDE"));
        assertThat(events(incident.id(), "io.firebreak.change.flagged.v1", 1).get(0).getString("flag")).isEqualTo("ALIGNMENT_OVERRIDE");
        // Aligned: the finding is in the api, which depends on the db (the target), so no override is needed.
        UUID inApi = finding(incident, api);
        requested(incident, rollback(db, inApi));
    }

    @Test
    void actionsOutsideTheCatalogAreRefusedWithThePermittedListAndParametersAreChecked() {
        String checkout = service(unique("checkout"));
        Declared incident = declared("P2", checkout);
        UUID f = finding(incident, checkout);

        post("rita", "responder", request(checkout, "drop-database", Map.of(), f), changes(incident)).statusCode(400)
                .body("violations.find { it.field == 'action' }.message",
                        containsString("permitted: failover, rollback, config-toggle, scale-out, restart"));
        post("rita", "responder", request(checkout, "rollback", Map.of("fromVersion", "1.5.0"), f), changes(incident)).statusCode(400)
                .body("violations.field", hasItem("parameters.toVersion"));
        String unrelated = service(unique("reports"));
        post("rita", "responder", rollback(unrelated, f), changes(incident)).statusCode(400)
                .body("violations.find { it.field == 'targetService' }.message", containsString("is neither the incident's service"));
    }

    @Test
    void emergencyChangesAreOnlyForActiveP1AndP2Incidents() {
        String checkout = service(unique("checkout"));
        Declared p3 = declared("P3", checkout);
        UUID f = finding(p3, checkout);
        post("rita", "responder", rollback(checkout, f), changes(p3)).statusCode(409).body("detail", containsString("active P1 and P2"));

        Declared resolved = declared("P1", checkout);
        UUID g = finding(resolved, checkout);
        ChangeFixtures.status(resolved, checkout, "RESOLVED", Instant.now());
        await().atMost(ChangeFixtures.WAIT).untilAsserted(() -> post("rita", "responder", rollback(checkout, g), changes(resolved)).statusCode(409));
    }

    @Test
    void aResolutionThatArrivesBeforeItsDeclarationIsKeptAndTheIncidentTakesNoEmergencyChange() {
        String checkout = service(unique("checkout"));
        Declared incident = new Declared(UUID.randomUUID(), ChangeFixtures.key());
        // Response's topic is consumed apart from classification's: here its resolution is known before the declaration.
        ChangeFixtures.status(incident, checkout, "RESOLVED", Instant.now());
        await().atMost(ChangeFixtures.WAIT).untilAsserted(() -> ChangeFixtures.get("aude", "auditor", changes(incident)).statusCode(200));
        ChangeFixtures.declared(incident, "P1", checkout, Instant.now().minusSeconds(600));
        UUID f = finding(incident, checkout);
        post("rita", "responder", rollback(checkout, f), changes(incident)).statusCode(409).body("detail", containsString("active P1 and P2"));
    }

    @Test
    void theRequesterCannotApproveTheirOwnChangeAnotherApproverCanAndEveryStepIsPublished() {
        String checkout = service(unique("checkout"));
        Declared incident = declared("P1", checkout);
        UUID f = finding(incident, checkout);
        String id = post("carl", "change-approver", rollback(checkout, f), changes(incident)).statusCode(201).extract().path("id");

        post("carl", "change-approver", Map.of("reason", "looks fine"), CHANGES + id + "/approve").statusCode(403)
                .body("detail", containsString("The requester of a change cannot approve it"));
        post("dana", "change-approver", Map.of("reason", "rollback to a known-good version"), CHANGES + id + "/approve").statusCode(200)
                .body("state", equalTo("APPROVED")).body("approval.by", equalTo("dana")).body("approval.as", equalTo("CHANGE_APPROVER"))
                .body("approval.reason", equalTo("rollback to a known-good version")).body("approval.at", notNullValue());
        post("dana", "change-approver", Map.of("reason", "again"), CHANGES + id + "/approve").statusCode(409);

        var requestedEvent = events(incident.id(), "io.firebreak.change.requested.v1", 1).get(0);
        assertThat(requestedEvent.getString("changeKey")).startsWith("CHG-");
        assertThat(requestedEvent.getString("findingId")).isEqualTo(f.toString());
        assertThat(events(incident.id(), "io.firebreak.change.approved.v1", 1).get(0).getString("by")).isEqualTo("dana");
    }

    @Test
    void theIncidentCommanderMayApproveOnlyActionsTheCatalogLetsThemApprove() {
        String checkout = service(unique("checkout"));
        Declared incident = declared("P1", checkout);
        UUID f = finding(incident, checkout);
        ChangeFixtures.roleAssigned(incident.id(), "INCIDENT_COMMANDER", "ivan");
        String rollbackId = requested(incident, rollback(checkout, f));
        String restartId = requested(incident, request(checkout, "restart", Map.of("component", "checkout-api"), f));

        await().atMost(ChangeFixtures.WAIT).untilAsserted(() -> post("ivan", "incident-commander", Map.of("reason", "pre-authorised"),
                CHANGES + rollbackId + "/approve").statusCode(200).body("approval.as", equalTo("INCIDENT_COMMANDER")));
        post("ivan", "incident-commander", Map.of("reason", "pre-authorised"), CHANGES + restartId + "/approve").statusCode(403)
                .body("detail", containsString("not one the incident commander may approve"));
        // Another commander, not this incident's, may not approve even a pre-authorised action.
        String second = requested(incident, rollback(checkout, f));
        post("olga", "incident-commander", Map.of("reason", "pre-authorised"), CHANGES + second + "/approve").statusCode(403);
    }

    @Test
    void aChangeGoesThroughItsLifeOnlyByAllowedStepsAndTheImplementerCannotValidateIt() {
        String checkout = service(unique("checkout"));
        Declared incident = declared("P1", checkout);
        UUID f = finding(incident, checkout);
        String id = requested(incident, rollback(checkout, f));

        post("ines", "responder", Map.of(), CHANGES + id + "/start").statusCode(409).body("detail", containsString("is REQUESTED"));
        post("dana", "change-approver", Map.of("reason", "ok"), CHANGES + id + "/approve").statusCode(200);
        post("ines", "responder", Map.of(), CHANGES + id + "/start").statusCode(200).body("state", equalTo("IMPLEMENTING"))
                .body("implementer", equalTo("ines"));
        post("rita", "responder", Map.of(), CHANGES + id + "/implemented").statusCode(403);
        Instant implemented = Instant.parse(post("ines", "responder", Map.of(), CHANGES + id + "/implemented").statusCode(200)
                .body("state", equalTo("IMPLEMENTED")).extract().path("implementedAt"));
        get("vera", "viewer", CHANGES + id).statusCode(200)
                .body("validationDueAt", equalTo(implemented.plus(Duration.ofHours(1)).toString()))
                .body("documentationDueAt", equalTo(implemented.plus(Duration.ofHours(24)).toString()))
                .body("effectiveness.dueAt", equalTo(implemented.plus(Duration.ofHours(24)).toString()));

        post("ines", "responder", Map.of("result", "PASSED", "evidence", "dashboards green"), CHANGES + id + "/validate").statusCode(403)
                .body("detail", containsString("The implementer of a change cannot validate it"));
        post("tara", "tech-lead", Map.of("result", "MAYBE", "evidence", "x"), CHANGES + id + "/validate").statusCode(400);
        post("tara", "tech-lead", Map.of("result", "PASSED", "evidence", "error rate 0.2% for 20 minutes"), CHANGES + id + "/validate")
                .statusCode(200).body("state", equalTo("VALIDATED")).body("validation.by", equalTo("tara"));
        post("dana", "change-approver", Map.of("reason", "no"), CHANGES + id + "/reject").statusCode(409);

        assertThat(events(incident.id(), "io.firebreak.change.validated.v1", 1).get(0).getString("result")).isEqualTo("PASSED");
        assertThat(events(incident.id(), "io.firebreak.change.implemented.v1", 1).get(0).getString("dueAt"))
                .isEqualTo(implemented.plus(Duration.ofHours(1)).toString());
    }

    @Test
    void overdueValidationAndDocumentationPublishRemindAndAChangeWithoutLinkedCommitIsFlagged() throws Throwable {
        String checkout = service(unique("checkout"));
        Declared incident = declared("P1", checkout);
        UUID f = finding(incident, checkout);
        String id = requested(incident, rollback(checkout, f));
        post("dana", "change-approver", Map.of("reason", "ok"), CHANGES + id + "/approve").statusCode(200);
        post("ines", "responder", Map.of(), CHANGES + id + "/start").statusCode(200);
        Instant implemented = Instant.parse(post("ines", "responder", Map.of(), CHANGES + id + "/implemented").statusCode(200)
                .extract().path("implementedAt"));
        String key = get("vera", "viewer", CHANGES + id).extract().path("key");

        timeIs(implemented.plus(Duration.ofMinutes(59)));
        timeIs(implemented.plus(Duration.ofMinutes(61)));
        var overdue = events(incident.id(), "io.firebreak.change.validation_overdue.v1", 1);
        assertThat(overdue).hasSize(1);
        assertThat(overdue.get(0).getString("changeKey")).isEqualTo(key);
        await().atMost(ChangeFixtures.WAIT).untilAsserted(() -> assertThat(TestSmtp.messagesTo("ines@test.invalid"))
                .extracting(m -> m.getSubject()).contains("[Firebreak] " + key + " not validated"));

        timeIs(implemented.plus(Duration.ofHours(25)));
        assertThat(events(incident.id(), "io.firebreak.change.documentation_overdue.v1", 1)).hasSize(1);
        get("aude", "auditor", "/api/v1/change/incidents/" + incident.id() + "/flags").statusCode(200)
                .body("find { it.changeId == '" + id + "' && it.flag == 'UNLINKED_CHANGE' }.detail", containsString("no commit or deploy references it"));
        await().atMost(ChangeFixtures.WAIT).untilAsserted(() -> assertThat(TestSmtp.messagesTo("change-management@test.invalid"))
                .extracting(m -> m.getSubject()).contains("[Firebreak] " + key + " documentation overdue"));

        // Documenting late is still possible and publishes; a second firing changes nothing.
        Map<String, Object> doc = Map.of("record", "Rolled checkout back to 1.4.2", "testsDone", List.of("smoke suite"),
                "approvals", List.of("dana (change approver)"));
        post("rita", "responder", doc, "/api/v1/change/changes/" + id + "/documentation").statusCode(405);
        given().auth().oauth2(Tokens.as("rita", "responder")).contentType(ContentType.JSON).body(doc).put(CHANGES + id + "/documentation").then()
                .statusCode(200).body("documentedBy", equalTo("rita")).body("documentation.testsDone", hasItem("smoke suite"));
        timeIs(implemented.plus(Duration.ofHours(26)));
        assertThat(events(incident.id(), "io.firebreak.change.documentation_overdue.v1", 1)).hasSize(1);
        assertThat(events(incident.id(), "io.firebreak.change.documented.v1", 1)).hasSize(1);
    }

    @Test
    void documentationBeforeImplementationIsRefusedAndIncompleteDocumentationNamesWhatIsMissing() {
        String checkout = service(unique("checkout"));
        Declared incident = declared("P1", checkout);
        UUID f = finding(incident, checkout);
        String id = requested(incident, rollback(checkout, f));
        given().auth().oauth2(Tokens.as("rita", "responder")).contentType(ContentType.JSON)
                .body(Map.of("record", "r", "testsDone", List.of("t"), "approvals", List.of("a"))).put(CHANGES + id + "/documentation").then()
                .statusCode(409);
        given().auth().oauth2(Tokens.as("rita", "responder")).contentType(ContentType.JSON).body(new HashMap<>(Map.of("record", "r")))
                .put(CHANGES + id + "/documentation").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.hasItems("testsDone", "approvals"));
    }

    @Test
    void aChangeOfARestrictedIncidentIsNotFoundOutsideItsWarRoom() {
        String checkout = service(unique("checkout"));
        Declared incident = declared("P1", checkout);
        UUID f = finding(incident, checkout);
        String id = requested(incident, rollback(checkout, f));
        ChangeFixtures.restricted(incident.id(), "rita", "dana");
        await().atMost(ChangeFixtures.WAIT).untilAsserted(() -> get("vera", "viewer", CHANGES + id).statusCode(404));
        post("carl", "change-approver", Map.of("reason", "ok"), CHANGES + id + "/approve").statusCode(404);
        get("carl", "change-approver", "/api/v1/change/incidents/" + incident.id() + "/changes").statusCode(404);
        get("rita", "responder", CHANGES + id).statusCode(200);
        post("dana", "change-approver", Map.of("reason", "ok"), CHANGES + id + "/approve").statusCode(200);
        get("aude", "auditor", CHANGES + id).statusCode(200);
    }
}
