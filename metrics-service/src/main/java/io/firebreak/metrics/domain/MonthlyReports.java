package io.firebreak.metrics.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The monthly executive report's figures (docs/metrics.md): volume and severity per month over the last six, the
 * change against the previous month and the three-month moving average, MTTA/MTTR/MTTE of the month with the share
 * within each service's signed-off SLA, the top services and teams, and where the month's median MTTR falls in the
 * versioned industry reference. Months are UTC calendar months of the declaration. Drills are never counted. Pure.
 */
public final class MonthlyReports {

    public static final List<String> PRIORITIES = List.of("P1", "P2", "P3", "P4");

    private MonthlyReports() {
    }

    /** One real incident as the report reads it (seconds may be null). */
    public record Row(String incidentKey, Instant declaredAt, String priority, String service, String team, boolean counted, Long mtta,
                      Long mttr, Long mtte) {
    }

    /** A priority's SLA in minutes. */
    public record Sla(int acknowledgeMinutes, int resolveMinutes) {
    }

    /** A reference figure: the band a median MTTR up to {@code upToSeconds} falls in (null: unbounded). */
    public record Benchmark(String id, String band, Long upToSeconds, String label, String source, String sourceDate, String caveat) {
    }

    public record MonthVolume(String month, long incidents, Map<String, Long> byPriority, long counted, long excluded) {
    }

    public record SlaCompliance(String priority, long measured, long acknowledgedInTime, long resolvedInTime, Double acknowledgeRate,
                                Double resolveRate) {
    }

    public record Ranked(String name, long incidents, Long mttrP50Seconds) {
    }

    public record BenchmarkPosition(Long mttrP50Seconds, String band, String label, String source, String sourceDate, String caveat) {
    }

    public record Report(String month, List<MonthVolume> months, Double changeFromPreviousMonth, Double movingAverage3, Stats mtta, Stats mttr,
                         Stats mtte, Map<String, Stats> mttrByPriority, List<SlaCompliance> sla, List<Ranked> topServices, List<Ranked> topTeams,
                         BenchmarkPosition benchmark, String benchmarksVersion) {
    }

    public static YearMonth monthOf(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC));
    }

    /** The first instant of the month five months before {@code month}: where the report's rows start. */
    public static Instant windowStart(YearMonth month) {
        return month.minusMonths(5).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public static Instant end(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public static Report compute(YearMonth month, List<Row> rows, Function<String, Map<String, Sla>> slaOf, List<Benchmark> benchmarks,
                                 String benchmarksVersion) {
        Map<YearMonth, List<Row>> byMonth = new TreeMap<>();
        for (int i = 5; i >= 0; i--) {
            byMonth.put(month.minusMonths(i), new ArrayList<>());
        }
        rows.forEach(r -> {
            List<Row> list = byMonth.get(monthOf(r.declaredAt()));
            if (list != null) {
                list.add(r);
            }
        });
        List<MonthVolume> months = new ArrayList<>();
        byMonth.forEach((m, list) -> {
            Map<String, Long> byPriority = new LinkedHashMap<>();
            PRIORITIES.forEach(p -> byPriority.put(p, list.stream().filter(r -> p.equals(r.priority())).count()));
            long counted = list.stream().filter(Row::counted).count();
            months.add(new MonthVolume(m.toString(), list.size(), byPriority, counted, list.size() - counted));
        });
        long current = months.get(5).incidents();
        long previous = months.get(4).incidents();
        Double change = previous == 0 ? null : Math.round((current - previous) * 1000.0 / previous) / 10.0;
        double average = (months.get(3).incidents() + months.get(4).incidents() + months.get(5).incidents()) / 3.0;

        List<Row> counted = byMonth.get(month).stream().filter(Row::counted).toList();
        Map<String, Stats> mttrByPriority = new LinkedHashMap<>();
        PRIORITIES.forEach(p -> mttrByPriority.put(p, stats(counted.stream().filter(r -> p.equals(r.priority())).toList(), Row::mttr)));

        List<SlaCompliance> sla = new ArrayList<>();
        for (String p : PRIORITIES) {
            long measured = 0;
            long ackInTime = 0;
            long resolvedInTime = 0;
            for (Row r : counted) {
                Sla target = r.service() == null ? null : slaOf.apply(r.service()).get(p);
                if (!p.equals(r.priority()) || target == null || r.mtta() == null || r.mttr() == null) {
                    continue;
                }
                measured++;
                if (r.mtta() <= target.acknowledgeMinutes() * 60L) {
                    ackInTime++;
                }
                if (r.mttr() <= target.resolveMinutes() * 60L) {
                    resolvedInTime++;
                }
            }
            sla.add(new SlaCompliance(p, measured, ackInTime, resolvedInTime, measured == 0 ? null : rate(ackInTime, measured),
                    measured == 0 ? null : rate(resolvedInTime, measured)));
        }

        Stats mttr = stats(counted, Row::mttr);
        return new Report(month.toString(), months, change, Math.round(average * 10) / 10.0, stats(counted, Row::mtta), mttr, stats(counted, Row::mtte),
                mttrByPriority, sla, ranked(byMonth.get(month), Row::service), ranked(byMonth.get(month), Row::team), position(mttr.p50Seconds(),
                benchmarks), benchmarksVersion);
    }

    private static double rate(long part, long whole) {
        return Math.round(part * 1000.0 / whole) / 1000.0;
    }

    private static Stats stats(List<Row> rows, Function<Row, Long> seconds) {
        return Stats.of(rows.stream().map(seconds).filter(Objects::nonNull).map(Duration::ofSeconds).toList());
    }

    /** The five services (or teams) with most incidents in the month, their median MTTR from the counted ones. */
    private static List<Ranked> ranked(List<Row> month, Function<Row, String> key) {
        Map<String, List<Row>> grouped = month.stream().filter(r -> key.apply(r) != null)
                .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
        return grouped.entrySet().stream()
                .map(e -> new Ranked(e.getKey(), e.getValue().size(), stats(e.getValue().stream().filter(Row::counted).toList(), Row::mttr).p50Seconds()))
                .sorted(Comparator.comparingLong(Ranked::incidents).reversed().thenComparing(Ranked::name))
                .limit(5).toList();
    }

    /** The first band (in the file's order, tightest first) whose bound the median reaches; none without a median. */
    static BenchmarkPosition position(Long p50, List<Benchmark> benchmarks) {
        if (p50 == null) {
            return null;
        }
        for (Benchmark b : benchmarks) {
            if (b.upToSeconds() == null || p50 < b.upToSeconds()) {
                return new BenchmarkPosition(p50, b.band(), b.label(), b.source(), b.sourceDate(), b.caveat());
            }
        }
        return null;
    }
}
