package io.firebreak.metrics.api;

import static io.firebreak.metrics.api.MetricsFixtures.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.firebreak.metrics.api.MetricsFixtures.Incident;
import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Summaries read from the incrementally kept rollups of day blocks (and raw partial days) on real Kafka and
 * PostgreSQL: figures that change move between buckets and rows, exclusions and re-admissions move counts, drills
 * only count as drills, concurrent folds of one row add up, and a rebuild from the incidents gives the same answers.
 * Periods in 2012–2014 belong to this test alone.
 */
@QuarkusTest
class RollupsTest {

    private static String figures(Incident i) {
        return "/api/v1/metrics/incidents/" + i.id();
    }

    private static JsonPath summary(String from, String until, String groupBy) {
        return get("ed", "executive", "/api/v1/metrics/summary?from=" + from + "&until=" + until + "&groupBy=" + groupBy).statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void summariesFromRollupsFollowEveryChangeAndEqualARebuildFromTheIncidents() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String s1 = "rollup-a-" + suffix;
        String s2 = "rollup-b-" + suffix;
        // A: the last minutes of 2013 (day, month and year rollups of 2013). MTTA 300 s, MTTR 3,840 s.
        Incident a = MetricsFixtures.incident(s1, Instant.parse("2013-12-31T23:50:00Z"));
        MetricsFixtures.declared(a, "P1", false);
        MetricsFixtures.lifecycle(a, "RESOLVED", "dora", a.declared().plusSeconds(300), null, a.declared().plusSeconds(3720), false);
        // B: the first minutes of 2014, declared P2 (reclassified P1 later). MTTA 600 s, MTTR 1,920 s.
        Incident b = MetricsFixtures.incident(s1, Instant.parse("2014-01-01T00:10:00Z"));
        MetricsFixtures.declared(b, "P2", false);
        MetricsFixtures.lifecycle(b, "RESOLVED", "dora", b.declared().plusSeconds(600), null, b.declared().plusSeconds(1800), false);
        // F: acknowledged at +600 s, then an earlier acknowledgement (+200 s) arrives late: MTTA moves to 200 s. MTTR 1,120 s.
        Incident f = MetricsFixtures.incident(s2, Instant.parse("2013-06-15T12:00:00Z"));
        MetricsFixtures.declared(f, "P1", false);
        MetricsFixtures.acknowledged(f, f.declared().plusSeconds(600));
        MetricsFixtures.lifecycle(f, "RESOLVED", "dora", null, null, f.declared().plusSeconds(1000), false);
        // C: acknowledged before its declaration: excluded (IMPOSSIBLE_ORDER).
        Incident c = MetricsFixtures.incident(s2, Instant.parse("2013-06-15T13:00:00Z"));
        MetricsFixtures.declared(c, "P1", false);
        MetricsFixtures.acknowledged(c, c.declared().minusSeconds(30));
        // D: resolved before metrics hears of its declaration (UNKNOWN_INCIDENT), re-admitted when it does. MTTA 60 s, MTTR 720 s.
        Incident d = MetricsFixtures.incident(s2, Instant.parse("2013-07-01T00:00:00Z"));
        MetricsFixtures.lifecycle(d, "RESOLVED", "dora", d.declared().plusSeconds(60), null, d.declared().plusSeconds(600), false);
        // E: a drill.
        Incident e = MetricsFixtures.incident(s1, Instant.parse("2013-09-01T00:00:00Z"));
        MetricsFixtures.declared(e, "P1", true);
        MetricsFixtures.lifecycle(e, "RESOLVED", "dora", e.declared().plusSeconds(60), null, e.declared().plusSeconds(600), true);

        await().atMost(MetricsFixtures.WAIT).untilAsserted(() -> {
            get("ed", "executive", figures(a)).statusCode(200).body("counted", equalTo(true)).body("mttrSeconds", equalTo(3840));
            get("ed", "executive", figures(b)).statusCode(200).body("counted", equalTo(true)).body("mttaSeconds", equalTo(600));
            get("ed", "executive", figures(f)).statusCode(200).body("mttaSeconds", equalTo(600)).body("mttrSeconds", equalTo(1120));
            get("ed", "executive", figures(c)).statusCode(200).body("counted", equalTo(false));
            get("ed", "executive", figures(d)).statusCode(200).body("counted", equalTo(false))
                    .body("findings.rule", org.hamcrest.Matchers.hasItem("UNKNOWN_INCIDENT"));
            get("ed", "executive", figures(e)).statusCode(200).body("drill", equalTo(true));
        });
        JsonPath before = summary("2013-01-01T00:00:00Z", "2015-01-01T00:00:00Z", "priority");
        assertThat(before.getList("groups.key")).containsExactly("P1", "P2");
        assertThat(before.getInt("groups[1].incidents")).isEqualTo(1);
        assertThat(before.getInt("groups[0].mtta.p90Seconds")).isCloseTo(600, MetricsFixtures.PRECISION);
        assertThat(before.getInt("excluded")).isEqualTo(2);
        assertThat(before.getInt("excludedByRule.UNKNOWN_INCIDENT")).isEqualTo(1);

        // The corrections: B reclassified P1 (another row), F's earlier acknowledgement, D's declaration.
        MetricsFixtures.priorityChanged(b, "P2", "P1", b.declared().plusSeconds(100));
        MetricsFixtures.acknowledged(f, f.declared().plusSeconds(200));
        MetricsFixtures.declared(d, "P1", false);
        await().atMost(MetricsFixtures.WAIT).untilAsserted(() -> {
            get("ed", "executive", figures(b)).statusCode(200).body("priority", equalTo("P1"));
            get("ed", "executive", figures(f)).statusCode(200).body("mttaSeconds", equalTo(200));
            get("ed", "executive", figures(d)).statusCode(200).body("counted", equalTo(true));
        });

        // Two whole years: read from day blocks alone.
        JsonPath years = summary("2013-01-01T00:00:00Z", "2015-01-01T00:00:00Z", "service");
        assertThat(years.getInt("counted")).isEqualTo(4);
        assertThat(years.getInt("excluded")).isEqualTo(1);
        assertThat(years.getMap("excludedByRule")).containsOnlyKeys("IMPOSSIBLE_ORDER");
        assertThat(years.getInt("drillsIgnored")).isEqualTo(1);
        assertThat(years.getList("groups.key")).containsExactly(s1, s2);
        assertThat(years.getInt("groups[0].mtta.p50Seconds")).isCloseTo(300, MetricsFixtures.PRECISION);
        assertThat(years.getInt("groups[0].mtta.p90Seconds")).isCloseTo(600, MetricsFixtures.PRECISION);
        assertThat(years.getDouble("groups[0].mtta.meanSeconds")).isEqualTo(450.0);
        assertThat(years.getInt("groups[0].mttr.p50Seconds")).isCloseTo(1920, MetricsFixtures.PRECISION);
        assertThat(years.getInt("groups[0].mttr.p90Seconds")).isCloseTo(3840, MetricsFixtures.PRECISION);
        assertThat(years.getInt("groups[1].mtta.p50Seconds")).isCloseTo(60, MetricsFixtures.PRECISION);
        assertThat(years.getInt("groups[1].mtta.p90Seconds")).isCloseTo(200, MetricsFixtures.PRECISION);
        assertThat(years.getDouble("groups[1].mttr.meanSeconds")).isEqualTo(920.0);
        JsonPath priorities = summary("2013-01-01T00:00:00Z", "2015-01-01T00:00:00Z", "priority");
        assertThat(priorities.getList("groups.key")).containsExactly("P1");
        assertThat(priorities.getInt("groups[0].incidents")).isEqualTo(4);

        // Raw partial days only; then a partial day, days, months and a partial day.
        JsonPath aroundNewYear = summary("2013-12-31T12:00:00Z", "2014-01-01T12:00:00Z", "none");
        assertThat(aroundNewYear.getInt("counted")).isEqualTo(2);
        assertThat(aroundNewYear.getInt("groups[0].mttr.p90Seconds")).isCloseTo(3840, MetricsFixtures.PRECISION);
        JsonPath mixed = summary("2013-06-15T12:30:00Z", "2014-01-01T00:05:00Z", "service");
        assertThat(mixed.getInt("counted")).isEqualTo(2); // D (July) and A (31 December)
        assertThat(mixed.getInt("excluded")).isEqualTo(1); // C (15 June, 13:00)
        assertThat(mixed.getInt("drillsIgnored")).isEqualTo(1);
        JsonPath oneDay = summary("2013-12-31T00:00:00Z", "2014-01-01T00:00:00Z", "none");
        assertThat(oneDay.getInt("counted")).isEqualTo(1);
        assertThat(oneDay.getInt("groups[0].mtta.p50Seconds")).isCloseTo(300, MetricsFixtures.PRECISION);

        // The incremental upkeep equals a rebuild from the incidents, for every kind of period.
        List<String> periods = List.of("2013-01-01T00:00:00Z/2015-01-01T00:00:00Z", "2013-12-31T12:00:00Z/2014-01-01T12:00:00Z",
                "2013-06-15T12:30:00Z/2014-01-01T00:05:00Z", "2013-06-01T00:00:00Z/2013-07-02T00:00:00Z");
        List<String> incremental = new ArrayList<>();
        for (String p : periods) {
            for (String g : List.of("service", "priority", "none")) {
                incremental.add(summary(p.split("/")[0], p.split("/")[1], g).prettify());
            }
        }
        RestAssured.given().auth().oauth2(Tokens.as("root", "admin")).post("/api/v1/metrics/rollups/rebuild").then().statusCode(200);
        List<String> rebuilt = new ArrayList<>();
        for (String p : periods) {
            for (String g : List.of("service", "priority", "none")) {
                rebuilt.add(summary(p.split("/")[0], p.split("/")[1], g).prettify());
            }
        }
        assertThat(rebuilt).isEqualTo(incremental);
    }

    @Test
    void concurrentFoldsOfIncidentsSharingOneRollupRowAllCount() {
        String service = "rollup-busy-" + UUID.randomUUID().toString().substring(0, 6);
        int incidents = 40;
        // Declarations (classification topic) and resolutions (response topic) are folded by two consumers at once, all
        // into the same rollup rows.
        long totalMtta = 0;
        for (int n = 0; n < incidents; n++) {
            Incident i = MetricsFixtures.incident(service, Instant.parse("2012-03-10T08:00:00Z").plusSeconds(n * 60L));
            MetricsFixtures.declared(i, "P2", false);
            MetricsFixtures.lifecycle(i, "RESOLVED", "dora", i.declared().plusSeconds(100 + n), null, i.declared().plusSeconds(900), false);
            totalMtta += 100 + n;
        }
        double mean = Math.round(totalMtta * 10.0 / incidents) / 10.0;
        await().atMost(MetricsFixtures.WAIT).untilAsserted(() -> {
            JsonPath s = summary("2012-01-01T00:00:00Z", "2013-01-01T00:00:00Z", "service");
            assertThat(s.getInt("counted")).isEqualTo(incidents);
            assertThat(s.getDouble("groups[0].mtta.meanSeconds")).isEqualTo(mean);
            assertThat(s.getInt("groups[0].mtta.p50Seconds")).isCloseTo(119, MetricsFixtures.PRECISION);
        });
    }
}
