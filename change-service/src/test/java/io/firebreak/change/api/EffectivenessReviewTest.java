package io.firebreak.change.api;

import static io.firebreak.change.api.ChangeFixtures.declared;
import static io.firebreak.change.api.ChangeFixtures.events;
import static io.firebreak.change.api.ChangeFixtures.finding;
import static io.firebreak.change.api.ChangeFixtures.get;
import static io.firebreak.change.api.ChangeFixtures.post;
import static io.firebreak.change.api.ChangeFixtures.rollback;
import static io.firebreak.change.api.ChangeFixtures.service;
import static io.firebreak.change.api.ChangeFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.firebreak.change.api.ChangeFixtures.Declared;
import io.firebreak.platform.deadline.DeadlineFiring;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The 24-hour effectiveness review: impact from response's lifecycle, regressions from new incidents, overdue escalation. */
@QuarkusTest
class EffectivenessReviewTest {

    private static final String CHANGES = "/api/v1/change/changes/";

    private final DeadlineFiring deadlines;

    EffectivenessReviewTest(DeadlineFiring deadlines) {
        this.deadlines = deadlines;
    }

    /** An implemented change on {@code target}; answers {id, implementedAt}. */
    private static String[] implemented(Declared incident, String target, UUID finding) {
        String id = post("rita", "responder", rollback(target, finding), "/api/v1/change/incidents/" + incident.id() + "/changes").statusCode(201)
                .extract().path("id");
        post("dana", "change-approver", Map.of("reason", "ok"), CHANGES + id + "/approve").statusCode(200);
        post("ines", "responder", Map.of(), CHANGES + id + "/start").statusCode(200);
        String at = post("ines", "responder", Map.of(), CHANGES + id + "/implemented").statusCode(200).extract().path("implementedAt");
        return new String[] {id, at};
    }

    @Test
    void aNewIncidentOnTheTargetOrADependentServiceWithin24HoursAppearsAsASuspectedRegression() {
        String db = service(unique("orders-db"));
        String orders = service(unique("orders"), db);
        String unrelated = service(unique("search"));
        Declared incident = declared("P1", orders);
        UUID f = finding(incident, orders);
        String[] change = implemented(incident, db, f);
        Instant implementedAt = Instant.parse(change[1]);

        Declared onTarget = declared("P2", db, implementedAt.plus(Duration.ofHours(1)));
        Declared onDependent = declared("P2", orders, implementedAt.plus(Duration.ofHours(2)));
        declared("P2", unrelated, implementedAt.plus(Duration.ofHours(3)));
        declared("P2", db, implementedAt.plus(Duration.ofHours(25)));
        declared("P2", db, implementedAt.minus(Duration.ofMinutes(5)));

        await().atMost(ChangeFixtures.WAIT).untilAsserted(() -> get("vera", "viewer", CHANGES + change[0] + "/effectiveness").statusCode(200)
                .body("suspectedRegressions.incidentKey", contains(onTarget.key(), onDependent.key()))
                .body("suspectedRegressions.service", contains(db, orders)));
        var suspected = events(incident.id(), "io.firebreak.change.regression_suspected.v1", 2);
        assertThat(suspected).extracting(e -> e.getString("newIncidentKey")).containsExactlyInAnyOrder(onTarget.key(), onDependent.key());
    }

    private static void alert(String service, String dedupKey, Instant at) {
        signal(service, dedupKey, "trigger", at);
    }

    private static void signal(String service, String dedupKey, String action, Instant at) {
        signal(service, dedupKey, action, at, UUID.randomUUID());
    }

    private static void signal(String service, String dedupKey, String action, Instant at, UUID eventId) {
        ChangeFixtures.sendKeyed("signals", service + ":" + dedupKey, service, "io.firebreak.signal.received.v1", "{\"businessService\":\""
                + service + "\",\"integrationKeyId\":\"k1\",\"integration\":\"ALERTMANAGER\",\"action\":\"" + action + "\",\"dedupKey\":\""
                + dedupKey + "\",\"summary\":\"" + dedupKey + " firing\",\"timestamp\":\"" + at + "\",\"receivedAt\":\"" + at + "\"}",
                Map.of(io.firebreak.events.CloudEventHeaders.ID, eventId.toString()));
    }

    @Test
    void anAlertSignalDeliveredTwiceLeavesItsGroupAsOnceDeliveredAndNoInboxRow() throws Exception {
        String service = service(unique("search-api"));
        Instant first = Instant.parse("2026-01-05T10:00:00Z");
        Instant later = first.plusSeconds(60);
        UUID redelivered = UUID.randomUUID();
        UUID earliest = UUID.randomUUID();
        UUID resolve = UUID.randomUUID();
        // The later trigger twice (a redelivery, after the earliest one came), then the resolve.
        signal(service, "disk-full", "trigger", later, redelivered);
        signal(service, "disk-full", "trigger", first, earliest);
        signal(service, "disk-full", "trigger", later, redelivered);
        signal(service, "disk-full", "resolve", later.plusSeconds(30), resolve);

        try (java.sql.Connection db = io.firebreak.testing.TestPostgres.connect()) {
            await().atMost(ChangeFixtures.WAIT).until(() -> rows(db, "select count(*) from change.alert_group where service = '" + service
                    + "' and last_resolved_at is not null") == 1);
            assertThat(rows(db, "select count(*) from change.alert_group where service = '" + service + "' and dedup_key = 'disk-full'"
                    + " and first_at = '" + first + "' and last_triggered_at = '" + later + "'"
                    + " and last_resolved_at = '" + later.plusSeconds(30) + "'")).as("earliest and latest kept").isEqualTo(1);
            assertThat(rows(db, "select count(*) from change.inbox_event where event_id in ('" + redelivered + "', '" + earliest
                    + "', '" + resolve + "')")).as("no inbox row for an alert signal").isZero();
        }
    }

    private static long rows(java.sql.Connection db, String sql) throws java.sql.SQLException {
        try (var statement = db.createStatement(); var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    @Test
    void alertGroupsThatFirstTriggerOnTheTargetOrADependentServiceInTheWindowAreSuspectedButOngoingOnesAreNot() {
        String db = service(unique("stock-db"));
        String stock = service(unique("stock"), db);
        Declared incident = declared("P1", stock);
        UUID f = finding(incident, stock);
        alert(stock, "ongoing-latency", Instant.now().minusSeconds(120));
        String[] change = implemented(incident, db, f);
        Instant implementedAt = Instant.parse(change[1]);
        alert(stock, "ongoing-latency", implementedAt.plusSeconds(60));
        alert(stock, "new-deadlocks", implementedAt.plusSeconds(90));
        alert(db, "replica-lag", implementedAt.plus(Duration.ofHours(30)));

        await().atMost(ChangeFixtures.WAIT).untilAsserted(() -> get("vera", "viewer", CHANGES + change[0] + "/effectiveness").statusCode(200)
                .body("suspectedAlerts.dedupKey", contains("new-deadlocks")).body("suspectedAlerts[0].service", equalTo(stock))
                .body("signalsQuiet", equalTo(false)));
    }

    @Test
    void theIncidentsSignalsAreQuietOnlyWhenItsAlertsResolvedAfterTheChangeAndNoneTriggeredAgain() {
        String api = service(unique("catalog-api"));
        Declared incident = declared("P1", api);
        UUID f = finding(incident, api);
        alert(api, "5xx-rate", Instant.now().minusSeconds(300));
        alert(api, "p99-latency", Instant.now().minusSeconds(240));
        String[] change = implemented(incident, api, f);
        Instant implementedAt = Instant.parse(change[1]);
        signal(api, "5xx-rate", "resolve", implementedAt.plusSeconds(120));
        await().atMost(ChangeFixtures.WAIT).untilAsserted(() -> get("vera", "viewer", CHANGES + change[0] + "/effectiveness").statusCode(200)
                .body("signalsQuiet", equalTo(false)).body("incidentAlerts.dedupKey", contains("p99-latency"))
                .body("incidentAlerts[0].firing", equalTo(true)));
        signal(api, "p99-latency", "resolve", implementedAt.plusSeconds(180));
        await().atMost(ChangeFixtures.WAIT).untilAsserted(() -> get("vera", "viewer", CHANGES + change[0] + "/effectiveness").statusCode(200)
                .body("signalsQuiet", equalTo(true)).body("incidentAlerts", hasSize(0)).body("suspectedAlerts", hasSize(0)));
    }

    @Test
    void theReviewerSeesWhetherTheImpactStoppedAndRecordsTheOutcomeOnlyAfterValidation() {
        String checkout = service(unique("checkout"));
        Declared incident = declared("P1", checkout);
        UUID f = finding(incident, checkout);
        String[] change = implemented(incident, checkout, f);
        get("vera", "viewer", CHANGES + change[0] + "/effectiveness").statusCode(200).body("impactStopped", equalTo(false));
        ChangeFixtures.status(incident, checkout, "MITIGATED", Instant.parse(change[1]).plusSeconds(300));
        await().atMost(ChangeFixtures.WAIT).untilAsserted(() -> get("vera", "viewer", CHANGES + change[0] + "/effectiveness").statusCode(200)
                .body("impactStopped", equalTo(true)));

        post("dana", "change-approver", Map.of("outcome", "EFFECTIVE"), CHANGES + change[0] + "/effectiveness").statusCode(409);
        post("tara", "tech-lead", Map.of("result", "PASSED", "evidence", "green"), CHANGES + change[0] + "/validate").statusCode(200);
        post("dana", "change-approver", Map.of("outcome", "NOT_EFFECTIVE"), CHANGES + change[0] + "/effectiveness").statusCode(400);
        post("tara", "tech-lead", Map.of("outcome", "EFFECTIVE"), CHANGES + change[0] + "/effectiveness").statusCode(403);
        post("dana", "change-approver", Map.of("outcome", "EFFECTIVE", "notes", "errors gone in 5 minutes"), CHANGES + change[0] + "/effectiveness")
                .statusCode(200).body("outcome", equalTo("EFFECTIVE")).body("reviewedBy", equalTo("dana"));
        get("vera", "viewer", CHANGES + change[0]).statusCode(200).body("state", equalTo("REVIEWED"));
        var reviewed = events(incident.id(), "io.firebreak.change.effectiveness_reviewed.v1", 1).get(0);
        assertThat(reviewed.getBoolean("impactStopped")).isTrue();
        assertThat(reviewed.getString("outcome")).isEqualTo("EFFECTIVE");
    }

    @Test
    void anOverdueReviewIsPublishedAndEscalatesAgainUntilItIsRecorded() throws Throwable {
        String checkout = service(unique("checkout"));
        Declared incident = declared("P1", checkout);
        UUID f = finding(incident, checkout);
        String[] change = implemented(incident, checkout, f);
        Instant implementedAt = Instant.parse(change[1]);

        VertxContextSupport.subscribeAndAwait(() -> deadlines.fireDue(implementedAt.plus(Duration.ofHours(24)).plusSeconds(1)));
        VertxContextSupport.subscribeAndAwait(() -> deadlines.fireDue(implementedAt.plus(Duration.ofHours(48)).plusSeconds(1)));
        var overdue = events(incident.id(), "io.firebreak.change.effectiveness_overdue.v1", 2);
        assertThat(overdue).extracting(e -> e.getInt("escalationLevel")).containsExactly(1, 2);

        post("tara", "tech-lead", Map.of("result", "PASSED", "evidence", "green"), CHANGES + change[0] + "/validate").statusCode(200);
        post("dana", "change-approver", Map.of("outcome", "PARTIALLY_EFFECTIVE", "notes", "latency still high"), CHANGES + change[0]
                + "/effectiveness").statusCode(200);
        VertxContextSupport.subscribeAndAwait(() -> deadlines.fireDue(implementedAt.plus(Duration.ofHours(73))));
        assertThat(events(incident.id(), "io.firebreak.change.effectiveness_overdue.v1", 2)).extracting(e -> e.getInt("escalationLevel"))
                .containsExactly(1, 2);
        get("aude", "auditor", CHANGES + change[0] + "/effectiveness").statusCode(200).body("suspectedRegressions", hasSize(0))
                .body("outcome", equalTo("PARTIALLY_EFFECTIVE"));
    }
}
