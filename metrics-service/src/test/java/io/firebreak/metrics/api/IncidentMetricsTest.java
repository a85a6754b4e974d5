package io.firebreak.metrics.api;

import static io.firebreak.metrics.api.MetricsFixtures.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.firebreak.metrics.api.MetricsFixtures.Incident;
import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestRun;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Metrics from real events on real Kafka and PostgreSQL: the three means, exclusion with provenance, drills, re-admission. */
@QuarkusTest
class IncidentMetricsTest {

    private final io.firebreak.metrics.domain.facts.Exposition exposition;

    IncidentMetricsTest(io.firebreak.metrics.domain.facts.Exposition exposition) {
        this.exposition = exposition;
    }

    /** The value of one Prometheus series at /q/metrics whose line starts with {@code name{} and contains {@code label}, or 0. */
    private static double scrape(String name, String label) {
        String text = io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines().filter(l -> l.startsWith(name + "{") && l.contains(label)).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static String incident(Incident i) {
        return "/api/v1/metrics/incidents/" + i.id();
    }

    @Test
    void theEventsOfAFullIncidentGiveItsMttaMttrAndMtteAndEscalationLatency() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String teamDb = "team-db-" + suffix;
        MetricsFixtures.team(teamDb, "Database " + suffix, List.of("dora"));
        MetricsFixtures.service("checkout-" + suffix, "payments-" + suffix);
        Instant declared = MetricsFixtures.uniqueMoment();
        Incident i = MetricsFixtures.incident("checkout-" + suffix, declared);
        MetricsFixtures.declared(i, "P1", false);
        MetricsFixtures.paged(i, "pat", "team-payments-" + suffix, declared.plusSeconds(10));
        MetricsFixtures.escalated(i, teamDb, declared.plusSeconds(10), declared.plusSeconds(310));
        MetricsFixtures.paged(i, "dora", teamDb, declared.plusSeconds(310));
        MetricsFixtures.acknowledged(i, declared.plusSeconds(400));
        MetricsFixtures.lifecycle(i, "RESOLVED", "dora", declared.plusSeconds(400), declared.plusSeconds(1800), declared.plusSeconds(3600), false);

        await().atMost(MetricsFixtures.WAIT).untilAsserted(() -> get("ed", "executive", incident(i)).statusCode(200)
                .body("counted", equalTo(true)).body("mttaSeconds", equalTo(400)).body("mttrSeconds", equalTo(3720))
                .body("mtteSeconds", equalTo(430)));
        JsonPath summary = get("ed", "executive", "/api/v1/metrics/summary?groupBy=team&" + MetricsFixtures.period(declared)).statusCode(200)
                .extract().jsonPath();
        assertThat(summary.getInt("counted")).isEqualTo(1);
        assertThat(summary.getInt("excluded")).isZero();
        assertThat(summary.getString("groups[0].key")).isEqualTo("payments-" + suffix);
        // Percentiles are read from log-linear histograms: within 1/32 of the true value (docs/metrics.md).
        assertThat(summary.getInt("groups[0].mttr.p50Seconds")).isCloseTo(3720, MetricsFixtures.PRECISION);
        assertThat(summary.getDouble("groups[0].mtta.meanSeconds")).isEqualTo(400.0);
        // Prometheus observed the incident once, with its service and priority, and the hop by the team it reached.
        await().atMost(MetricsFixtures.WAIT).untilAsserted(() -> {
            assertThat(scrape("firebreak_incident_mttr_seconds_count", "service=\"checkout-" + suffix + "\"")).isEqualTo(1.0);
            assertThat(scrape("firebreak_incident_mttr_seconds_sum", "service=\"checkout-" + suffix + "\"")).isEqualTo(3720.0);
            assertThat(scrape("firebreak_escalation_hop_latency_seconds_count", "team=\"" + teamDb + "\"")).isEqualTo(1.0);
        });
        await().atMost(MetricsFixtures.WAIT).untilAsserted(() -> get("ed", "executive", "/api/v1/metrics/escalations?"
                + MetricsFixtures.period(declared)).statusCode(200)
                .body("find { it.teamId == '" + teamDb + "' }.latency.p90Seconds", equalTo(300))
                .body("find { it.teamId == '" + teamDb + "' }.team", equalTo("Database " + suffix)));
    }

    @Test
    void anAcknowledgementBeforeItsDeclarationExcludesTheIncidentWithItsFindingAndTheEventsThatShowIt() {
        Instant declared = MetricsFixtures.uniqueMoment();
        Incident i = MetricsFixtures.incident("checkout", declared);
        String declaration = MetricsFixtures.declared(i, "P1", false);
        String early = MetricsFixtures.acknowledged(i, declared.minusSeconds(30));
        await().atMost(MetricsFixtures.WAIT).untilAsserted(() -> get("aude", "auditor", incident(i)).statusCode(200)
                .body("counted", equalTo(false)).body("findings.rule", hasItem("IMPOSSIBLE_ORDER")));
        List<String> evidence = get("aude", "auditor", incident(i)).extract().jsonPath().getList("findings.find { it.rule == 'IMPOSSIBLE_ORDER' }.evidence");
        assertThat(evidence).contains(declaration, early);

        // An UNKNOWN_INCIDENT finding may come and go first (the acknowledgement's topic can be read before the declaration's).
        JsonPath published = MetricsFixtures.events(i.id(), "IMPOSSIBLE_ORDER", 1).get(0);
        assertThat(published.getBoolean("resolved")).isFalse();
        assertThat(published.getList("evidence")).contains(declaration, early);
        get("ed", "executive", "/api/v1/metrics/summary?" + MetricsFixtures.period(declared)).statusCode(200)
                .body("counted", equalTo(0)).body("excluded", equalTo(1)).body("excludedByRule.IMPOSSIBLE_ORDER", equalTo(1));
        get("ed", "executive", "/api/v1/metrics/data-quality/findings?" + MetricsFixtures.period(declared)).statusCode(200)
                .body("findings.rule", hasItem("IMPOSSIBLE_ORDER")).body("hidden", equalTo(0));
        assertThat(scrape("firebreak_data_quality_findings_total", "rule=\"IMPOSSIBLE_ORDER\"")).isGreaterThanOrEqualTo(1.0);
    }

    /** {@code %test.firebreak.metrics.unknown-incident-grace}. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    @Test
    void anIncidentHeardOfOnlyThroughItsPageIsAnUnknownIncidentOnceTheGraceForItsDeclarationEnded() {
        Incident i = MetricsFixtures.incident("grace-" + UUID.randomUUID(), MetricsFixtures.uniqueMoment());
        Instant sent = Instant.now();
        MetricsFixtures.paged(i, "dora", "team-grace", i.declared().plusSeconds(5));

        JsonPath finding = MetricsFixtures.events(i.id(), "UNKNOWN_INCIDENT", 1).get(0);
        assertThat(finding.getBoolean("resolved")).isFalse();
        assertThat(Instant.parse(finding.getString("at"))).as("found only once the grace ended").isAfterOrEqualTo(sent.plus(GRACE));
    }

    /** Whether metrics folded an event of the incident (its API shows no incident before the declaration). */
    private static boolean heardOf(Incident i) throws java.sql.SQLException {
        try (java.sql.Connection c = io.firebreak.testing.TestPostgres.connect();
             java.sql.PreparedStatement q = c.prepareStatement("select ledger <> '{}' from metrics.incident_metric where incident_id = ?")) {
            q.setObject(1, i.id());
            try (java.sql.ResultSet r = q.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    @Test
    void aDeclarationReadAfterItsPageWithinTheGraceRaisesNoFinding() {
        Incident i = MetricsFixtures.incident("grace-" + UUID.randomUUID(), MetricsFixtures.uniqueMoment());
        MetricsFixtures.paged(i, "dora", "team-grace", i.declared().plusSeconds(5));
        // The page's topic is read first, as happens when classification's topic lags.
        await().atMost(MetricsFixtures.WAIT).until(() -> heardOf(i));
        MetricsFixtures.declared(i, "P2", false);
        await().atMost(MetricsFixtures.WAIT).untilAsserted(() -> get("aude", "auditor", incident(i)).statusCode(200).body("counted", equalTo(true)));

        // The grace's deadline fires after the declaration came: the incident still counts, and no finding ever went out.
        await().pollDelay(GRACE.plusSeconds(2)).atMost(MetricsFixtures.WAIT).untilAsserted(() -> get("aude", "auditor", incident(i))
                .statusCode(200).body("counted", equalTo(true)).body("findings", org.hamcrest.Matchers.empty()));
        assertThat(TestKafkaClient.readFor(TestRun.topic("metrics"), Duration.ofSeconds(2)).stream()
                .filter(r -> i.id().toString().equals(r.key()))
                .map(r -> TestKafkaClient.header(r, "ce_type")).toList())
                .as("data_quality.finding events of the incident").noneMatch(t -> t.contains("data_quality.finding"));
    }

    @Test
    void everySeriesTheGrafanaDashboardReadsIsExposed() throws Throwable {
        // Drive what makes every series exist: a counted incident with a hop to its resolving team, and a finding.
        Instant declared = MetricsFixtures.uniqueMoment();
        Incident i = MetricsFixtures.incident("dash-" + UUID.randomUUID(), declared);
        MetricsFixtures.declared(i, "P2", false);
        MetricsFixtures.escalated(i, "team-dash", declared.plusSeconds(5), declared.plusSeconds(65));
        MetricsFixtures.paged(i, "dora", "team-dash", declared.plusSeconds(65));
        MetricsFixtures.acknowledged(i, declared.plusSeconds(90));
        MetricsFixtures.lifecycle(i, "RESOLVED", "dora", declared.plusSeconds(90), null, declared.plusSeconds(900), false);
        Incident bad = MetricsFixtures.incident("dash-" + UUID.randomUUID(), MetricsFixtures.uniqueMoment());
        MetricsFixtures.declared(bad, "P2", false);
        MetricsFixtures.acknowledged(bad, bad.declared().minusSeconds(5));
        io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(exposition::refreshNow);

        String dashboard = java.nio.file.Files.readString(java.nio.file.Path.of("../deploy/kubernetes/components/monitoring/firebreak-incidents.json"));
        java.util.Set<String> families = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("firebreak_[a-z_]+").matcher(dashboard);
        while (m.find()) {
            families.add(m.group().replaceAll("_(bucket|count|sum|total)$", ""));
        }
        assertThat(families).contains("firebreak_incidents_open", "firebreak_incident_mtta_seconds", "firebreak_escalation_hop_latency_seconds");
        await().atMost(MetricsFixtures.WAIT).untilAsserted(() -> {
            String text = io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
            for (String family : families) {
                assertThat(text).as("the dashboard reads %s", family).contains("# TYPE " + family + " ");
            }
        });
    }

    @Test
    void theOpenIncidentsGaugeFollowsDeclarationAndResolution() throws Throwable {
        // Only this test uses P4: the gauge moves by exactly its incident.
        io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(exposition::refreshNow);
        double before = scrape("firebreak_incidents_open", "priority=\"P4\"");
        Instant declared = MetricsFixtures.uniqueMoment();
        Incident i = MetricsFixtures.incident("checkout", declared);
        MetricsFixtures.declared(i, "P4", false);
        await().atMost(MetricsFixtures.WAIT).untilAsserted(() -> {
            io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(exposition::refreshNow);
            assertThat(scrape("firebreak_incidents_open", "priority=\"P4\"")).isEqualTo(before + 1);
        });
        MetricsFixtures.acknowledged(i, declared.plusSeconds(60));
        MetricsFixtures.lifecycle(i, "RESOLVED", "dora", declared.plusSeconds(60), null, declared.plusSeconds(600), false);
        await().atMost(MetricsFixtures.WAIT).untilAsserted(() -> {
            io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(exposition::refreshNow);
            assertThat(scrape("firebreak_incidents_open", "priority=\"P4\"")).isEqualTo(before);
        });
    }

    @Test
    void aSecondIncidentOfOneAlertGroupIsExcludedAsADuplicateWhicheverArrivesFirst() {
        Instant declared = MetricsFixtures.uniqueMoment();
        UUID group = UUID.randomUUID();
        Incident original = MetricsFixtures.incident("checkout", declared);
        Incident duplicate = MetricsFixtures.incident("checkout", declared.plusMillis(500));
        // The duplicate's declaration is folded first; the original arriving later makes it the duplicate.
        MetricsFixtures.declared(duplicate, "P1", false, group, "db-pool");
        await().atMost(MetricsFixtures.WAIT).untilAsserted(() -> get("aude", "auditor", incident(duplicate)).statusCode(200)
                .body("findings.size()", equalTo(0)));
        MetricsFixtures.declared(original, "P1", false, group, "db-pool");
        await().atMost(MetricsFixtures.WAIT).untilAsserted(() -> get("aude", "auditor", incident(duplicate)).statusCode(200)
                .body("counted", equalTo(false)).body("findings.rule", hasItem("DUPLICATE_FOR_ALERT_GROUP")));
        get("aude", "auditor", incident(original)).statusCode(200).body("findings.size()", equalTo(0));
        assertThat(get("aude", "auditor", incident(duplicate)).extract().jsonPath()
                .getString("findings.find { it.rule == 'DUPLICATE_FOR_ALERT_GROUP' }.detail")).contains(original.key());
    }

    @Test
    void aDrillChangesNothing() {
        Instant declared = MetricsFixtures.uniqueMoment();
        Incident i = MetricsFixtures.incident("checkout", declared);
        MetricsFixtures.declared(i, "P1", true);
        MetricsFixtures.lifecycle(i, "RESOLVED", "dora", declared.minusSeconds(600), null, declared.plusSeconds(60), true);
        await().atMost(MetricsFixtures.WAIT).untilAsserted(() -> get("aude", "auditor", incident(i)).statusCode(200)
                .body("drill", equalTo(true)).body("resolvedAt", org.hamcrest.Matchers.notNullValue()));
        get("ed", "executive", "/api/v1/metrics/summary?" + MetricsFixtures.period(declared)).statusCode(200)
                .body("counted", equalTo(0)).body("excluded", equalTo(0)).body("drillsIgnored", equalTo(1)).body("groups.size()", equalTo(0));
        get("aude", "auditor", incident(i)).body("findings.size()", equalTo(0));
    }

    @Test
    void anIncidentExcludedForAMissingAcknowledgementCountsAgainWhenTheAcknowledgementArrives() {
        Instant declared = MetricsFixtures.uniqueMoment();
        Incident i = MetricsFixtures.incident("checkout", declared);
        MetricsFixtures.declared(i, "P2", false);
        MetricsFixtures.lifecycle(i, "RESOLVED", "dora", null, null, declared.plusSeconds(900), false);
        await().atMost(MetricsFixtures.WAIT).untilAsserted(() -> get("aude", "auditor", incident(i)).statusCode(200)
                .body("counted", equalTo(false)).body("findings.rule", hasItem("MISSING_TIMESTAMP")));
        MetricsFixtures.acknowledged(i, declared.plusSeconds(60));
        await().atMost(MetricsFixtures.WAIT).untilAsserted(() -> get("aude", "auditor", incident(i)).statusCode(200)
                .body("counted", equalTo(true)).body("mttaSeconds", equalTo(60))
                .body("findings.find { it.rule == 'MISSING_TIMESTAMP' }.resolvedAt", org.hamcrest.Matchers.notNullValue()));
        List<JsonPath> events = MetricsFixtures.events(i.id(), "MISSING_TIMESTAMP", 2);
        assertThat(events).extracting(e -> e.getString("rule") + ":" + e.getBoolean("resolved"))
                .containsExactly("MISSING_TIMESTAMP:false", "MISSING_TIMESTAMP:true");
    }

    @Test
    void aBadPeriodOrGroupingIsAProblemNotAnAnswer() {
        get("ed", "executive", "/api/v1/metrics/summary?from=2026-11-30T00:00:00Z").statusCode(400).contentType("application/problem+json");
        get("ed", "executive", "/api/v1/metrics/summary?from=2026-11-30T00:00:00Z&until=2026-11-01T00:00:00Z").statusCode(400);
        get("ed", "executive", "/api/v1/metrics/summary?from=yesterday&until=2026-11-01T00:00:00Z").statusCode(400)
                .body("violations[0].field", equalTo("from"));
        get("ed", "executive", "/api/v1/metrics/summary?from=2026-11-01T00:00:00Z&until=2026-11-30T00:00:00Z&groupBy=colour").statusCode(400)
                .body("violations[0].field", equalTo("groupBy"));
    }
}
