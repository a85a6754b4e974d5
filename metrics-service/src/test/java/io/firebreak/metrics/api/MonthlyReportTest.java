package io.firebreak.metrics.api;

import static io.firebreak.metrics.api.MetricsFixtures.get;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.firebreak.metrics.api.MetricsFixtures.Incident;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The monthly executive report over real projections (a month of 2017 no other test touches). */
@QuarkusTest
class MonthlyReportTest {

    @Test
    void theMonthsReportCountsVolumeMeasuresAgainstTheCatalogsSlaAndPlacesTheMedianInItsBenchmarkBand() {
        String service = "report-" + UUID.randomUUID().toString().substring(0, 8);
        MetricsFixtures.send("classification", service, "io.firebreak.service.updated.v1", "{\"name\":\"" + service + "\",\"tier\":1,"
                + "\"owningTeam\":\"payments\",\"owners\":[\"sam\"],\"customerFacing\":true,\"regulated\":false,\"change\":\"sla signed off\","
                + "\"changedBy\":\"sam\",\"changedAt\":\"" + Instant.now() + "\",\"dependsOn\":[],"
                + "\"sla\":{\"P1\":{\"acknowledgeMinutes\":5,\"resolveMinutes\":60}}}");
        Instant declared = Instant.parse("2017-03-10T10:00:00Z");
        Incident fast = MetricsFixtures.incident(service, declared);
        Incident slow = MetricsFixtures.incident(service, declared.plusSeconds(86_400));
        for (Incident i : new Incident[] {fast, slow}) {
            MetricsFixtures.declared(i, "P1", false);
        }
        MetricsFixtures.acknowledged(fast, declared.plusSeconds(120));
        MetricsFixtures.lifecycle(fast, "RESOLVED", "dora", declared.plusSeconds(120), null, declared.plusSeconds(1680), false);
        MetricsFixtures.acknowledged(slow, slow.declared().plusSeconds(900));
        MetricsFixtures.lifecycle(slow, "RESOLVED", "dora", slow.declared().plusSeconds(900), null, slow.declared().plusSeconds(5280), false);
        Incident drill = MetricsFixtures.incident(service, declared.plusSeconds(3600));
        MetricsFixtures.declared(drill, "P1", true);

        await().atMost(MetricsFixtures.WAIT).untilAsserted(() -> get("ed", "executive", "/api/v1/metrics/reports/monthly?month=2017-03")
                .statusCode(200)
                .body("months[5].month", equalTo("2017-03")).body("months[5].incidents", equalTo(2)).body("months[5].byPriority.P1", equalTo(2))
                .body("mttr.count", equalTo(2)).body("mttr.p50Seconds", equalTo(1800))
                .body("sla[0].measured", equalTo(2)).body("sla[0].acknowledgedInTime", equalTo(1)).body("sla[0].resolvedInTime", equalTo(1))
                .body("topServices[0].name", equalTo(service)).body("topTeams[0].name", equalTo("payments"))
                .body("benchmark.band", equalTo("Elite")).body("benchmark.source", org.hamcrest.Matchers.containsString("DORA")));
        get("aude", "auditor", "/api/v1/metrics/reports/monthly?month=2017-03").statusCode(200).body("benchmarksVersion",
                org.hamcrest.Matchers.startsWith("1"));
        get("ed", "executive", "/api/v1/metrics/reports/monthly?month=March").statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("month"));
    }
}
