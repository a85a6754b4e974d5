package io.firebreak.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.metrics.domain.MonthlyReports.Benchmark;
import io.firebreak.metrics.domain.MonthlyReports.Row;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonthlyReportsTest {

    private static final YearMonth MONTH = YearMonth.parse("2026-11");
    private static final List<Benchmark> BANDS = List.of(
            new Benchmark("elite", "Elite", 3600L, "< 1 h", "DORA 2023", "2023-10", null),
            new Benchmark("high", "High", 86_400L, "< 1 day", "DORA 2023", "2023-10", null),
            new Benchmark("low", "Low", null, "> 1 week", "DORA 2023", "2023-10", null));

    private static Row row(String day, String priority, String service, boolean counted, Long mtta, Long mttr) {
        return new Row("INC-" + day, Instant.parse(day + "T12:00:00Z"), priority, service, "team-" + service, counted, mtta, mttr, null);
    }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(row("2026-08-03", "P1", "checkout", true, 60L, 3000L));
        rows.add(row("2026-09-03", "P1", "checkout", true, 60L, 3000L));
        rows.add(row("2026-09-04", "P2", "search", true, 60L, 3000L));
        rows.add(row("2026-10-01", "P2", "search", true, 60L, 3000L));
        rows.add(row("2026-10-31", "P1", "checkout", true, 60L, 3000L));
        rows.add(row("2026-11-01", "P1", "checkout", true, 120L, 1800L));  // within the P1 SLA (5 min, 60 min)
        rows.add(row("2026-11-02", "P1", "checkout", true, 600L, 1800L));  // acknowledged late
        rows.add(row("2026-11-03", "P1", "checkout", true, 120L, 7200L));  // resolved late
        rows.add(row("2026-11-04", "P2", "search", false, -30L, 900L));    // excluded (a finding): counted in volume only
        rows.add(row("2026-12-01", "P1", "checkout", true, 60L, 60L));     // the next month: not in this report
        return rows;
    }

    @Test
    void volumeTrendMovingAverageAndSeverityCoverTheLastSixMonths() {
        MonthlyReports.Report r = MonthlyReports.compute(MONTH, rows(), s -> Map.of(), BANDS, "1");
        assertThat(r.months()).extracting(MonthlyReports.MonthVolume::month)
                .containsExactly("2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11");
        assertThat(r.months()).extracting(MonthlyReports.MonthVolume::incidents).containsExactly(0L, 0L, 1L, 2L, 2L, 4L);
        assertThat(r.months().get(5).byPriority()).containsEntry("P1", 3L).containsEntry("P2", 1L);
        assertThat(r.months().get(5).excluded()).isEqualTo(1);
        assertThat(r.changeFromPreviousMonth()).isEqualTo(100.0);
        assertThat(r.movingAverage3()).isEqualTo(2.7); // (2 + 2 + 4) / 3
        assertThat(r.mttr().count()).isEqualTo(3);      // the excluded incident is not measured
        assertThat(r.mttr().p50Seconds()).isEqualTo(1800);
    }

    @Test
    void slaComplianceIsTheShareOfCountedIncidentsWithinTheirServicesSignedOffTargets() {
        MonthlyReports.Report r = MonthlyReports.compute(MONTH, rows(),
                s -> "checkout".equals(s) ? Map.of("P1", new MonthlyReports.Sla(5, 60)) : Map.of(), BANDS, "1");
        MonthlyReports.SlaCompliance p1 = r.sla().get(0);
        assertThat(p1.priority()).isEqualTo("P1");
        assertThat(p1.measured()).isEqualTo(3);
        assertThat(p1.acknowledgedInTime()).isEqualTo(2);
        assertThat(p1.resolvedInTime()).isEqualTo(2);
        assertThat(p1.acknowledgeRate()).isEqualTo(0.667);
        assertThat(r.sla().get(1).measured()).as("no SLA for search's P2").isZero();
        assertThat(r.sla().get(1).acknowledgeRate()).isNull();
    }

    @Test
    void topServicesRankByIncidentsAndTheMedianFallsInItsBenchmarkBand() {
        MonthlyReports.Report r = MonthlyReports.compute(MONTH, rows(), s -> Map.of(), BANDS, "1");
        assertThat(r.topServices()).extracting(MonthlyReports.Ranked::name).containsExactly("checkout", "search");
        assertThat(r.topServices().get(0).incidents()).isEqualTo(3);
        assertThat(r.topTeams().get(0).name()).isEqualTo("team-checkout");
        assertThat(r.benchmark().band()).isEqualTo("Elite");
        assertThat(MonthlyReports.position(90_000L, BANDS).band()).isEqualTo("Low");
        assertThat(MonthlyReports.position(null, BANDS)).isNull();
        assertThat(MonthlyReports.compute(YearMonth.parse("2025-01"), rows(), s -> Map.of(), BANDS, "1").changeFromPreviousMonth())
                .as("no previous month to compare with").isNull();
    }
}
