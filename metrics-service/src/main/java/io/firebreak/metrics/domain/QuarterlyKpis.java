package io.firebreak.metrics.domain;

import io.firebreak.platform.time.Quarter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The quarterly KPI report (docs/metrics.md): per quarter and month, the incident metrics of counted incidents — volume,
 * P1/P2, MTTA and MTTR, revenue impact, customers affected, SLA minutes breached — beside the business outcomes
 * imported for the same periods; the change against the previous quarter; and, per outcome and KPI, how closely they
 * moved together month by month over the last four quarters (Pearson's r, with the number of months: a relation, not
 * a cause). Pure.
 */
public final class QuarterlyKpis {

    /** The incident KPIs related to outcomes. */
    public static final List<String> KPIS = List.of("incidents", "mttrMeanSeconds", "revenueImpact", "slaMinutesBreached", "customersAffected");

    private QuarterlyKpis() {
    }

    /** A real (not drill) incident: whether it counts, its figures, its impact, and its SLA time breached (catalog, by priority). */
    public record Row(Instant declaredAt, String priority, boolean counted, Long mttaSeconds, Long mttrSeconds, Double revenueImpact,
                      Long customersAffected, Long slaBreachSeconds) {
    }

    /** An imported outcome figure. */
    public record Outcome(String metric, String period, BigDecimal value, String unit, String source) {
    }

    public record Kpis(String period, long incidents, long excluded, long p1, long p2, Stats mtta, Stats mttr, double revenueImpact,
                       long incidentsWithRevenueImpact, long customersAffected, double slaMinutesBreached, Map<String, BigDecimal> outcomes) {
    }

    public record Relation(String outcome, String kpi, int months, Double correlation) {
    }

    public record Report(String quarter, Kpis total, List<Kpis> months, List<Kpis> previousQuarters, Map<String, Double> changeFromPreviousQuarter,
                         List<Relation> relations, Map<String, String> units, String note) {
    }

    static Kpis kpis(String period, List<Row> rows, Map<String, BigDecimal> outcomes) {
        List<Row> counted = rows.stream().filter(Row::counted).toList();
        double revenue = counted.stream().filter(r -> r.revenueImpact() != null).mapToDouble(Row::revenueImpact).sum();
        return new Kpis(period, counted.size(), rows.size() - counted.size(), counted.stream().filter(r -> "P1".equals(r.priority())).count(),
                counted.stream().filter(r -> "P2".equals(r.priority())).count(),
                Stats.of(counted.stream().map(Row::mttaSeconds).filter(java.util.Objects::nonNull).map(java.time.Duration::ofSeconds).toList()),
                Stats.of(counted.stream().map(Row::mttrSeconds).filter(java.util.Objects::nonNull).map(java.time.Duration::ofSeconds).toList()),
                Math.round(revenue * 100) / 100.0, counted.stream().filter(r -> r.revenueImpact() != null).count(),
                counted.stream().filter(r -> r.customersAffected() != null).mapToLong(Row::customersAffected).sum(),
                Math.round(counted.stream().filter(r -> r.slaBreachSeconds() != null).mapToLong(Row::slaBreachSeconds).sum() / 6.0) / 10.0,
                outcomes);
    }

    private static Double value(Kpis k, String kpi) {
        return switch (kpi) {
            case "incidents" -> (double) k.incidents();
            case "mttrMeanSeconds" -> k.mttr().meanSeconds();
            case "revenueImpact" -> k.revenueImpact();
            case "slaMinutesBreached" -> k.slaMinutesBreached();
            case "customersAffected" -> (double) k.customersAffected();
            default -> throw new IllegalArgumentException(kpi);
        };
    }

    /** Pearson's r of paired values; null with fewer than three pairs or when either side does not vary. */
    static Double pearson(List<double[]> pairs) {
        if (pairs.size() < 3) {
            return null;
        }
        double mx = pairs.stream().mapToDouble(p -> p[0]).average().orElse(0);
        double my = pairs.stream().mapToDouble(p -> p[1]).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (double[] p : pairs) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
            syy += (p[1] - my) * (p[1] - my);
        }
        if (sxx == 0 || syy == 0) {
            return null;
        }
        return Math.round(sxy / Math.sqrt(sxx * syy) * 1000) / 1000.0;
    }

    private static Double change(Double now, Double before) {
        return now == null || before == null || before == 0 ? null : Math.round((now - before) / before * 1000) / 10.0;
    }

    /** The report of {@code quarter} from the real incidents declared in it and the three quarters before, and the outcomes. */
    public static Report compute(Quarter quarter, List<Row> rows, List<Outcome> outcomes) {
        Map<String, Map<String, BigDecimal>> byPeriod = new TreeMap<>();
        Map<String, String> units = new TreeMap<>();
        for (Outcome o : outcomes) {
            byPeriod.computeIfAbsent(o.period(), p -> new TreeMap<>()).put(o.metric(), o.value());
            if (o.unit() != null) {
                units.put(o.metric(), o.unit());
            }
        }
        Function<YearMonth, List<Row>> inMonth = m -> rows.stream().filter(r -> YearMonth.from(r.declaredAt().atZone(ZoneOffset.UTC)).equals(m)).toList();
        Function<Quarter, Kpis> ofQuarter = q -> kpis(q.toString(), rows.stream().filter(r -> !r.declaredAt().isBefore(q.start())
                && r.declaredAt().isBefore(q.end())).toList(), byPeriod.getOrDefault(q.toString(), Map.of()));
        Function<YearMonth, Kpis> ofMonth = m -> kpis(m.toString(), inMonth.apply(m), byPeriod.getOrDefault(m.toString(), Map.of()));

        Kpis total = ofQuarter.apply(quarter);
        List<Kpis> months = quarter.months().stream().map(ofMonth).toList();
        List<Kpis> previous = new ArrayList<>();
        for (Quarter q = quarter.previous().previous().previous(); !q.equals(quarter); q = q.next()) {
            previous.add(ofQuarter.apply(q));
        }
        Kpis before = previous.get(previous.size() - 1);
        Map<String, Double> change = new LinkedHashMap<>();
        for (String kpi : KPIS) {
            change.put(kpi, change(value(total, kpi), value(before, kpi)));
        }
        change.put("mttaMeanSeconds", change(total.mtta().meanSeconds(), before.mtta().meanSeconds()));

        // Month by month over the four quarters: each outcome imported for a month against each incident KPI.
        List<Kpis> twelve = new ArrayList<>();
        for (YearMonth m = quarter.previous().previous().previous().firstMonth(); m.isBefore(quarter.next().firstMonth()); m = m.plusMonths(1)) {
            twelve.add(ofMonth.apply(m));
        }
        TreeSet<String> metrics = new TreeSet<>();
        twelve.forEach(k -> metrics.addAll(k.outcomes().keySet()));
        List<Relation> relations = new ArrayList<>();
        for (String metric : metrics) {
            for (String kpi : KPIS) {
                List<double[]> pairs = new ArrayList<>();
                for (Kpis k : twelve) {
                    BigDecimal outcome = k.outcomes().get(metric);
                    Double x = value(k, kpi);
                    if (outcome != null && x != null) {
                        pairs.add(new double[] {x, outcome.doubleValue()});
                    }
                }
                relations.add(new Relation(metric, kpi, pairs.size(), pearson(pairs)));
            }
        }
        return new Report(quarter.toString(), total, months, previous, change, relations, units,
                "Counted incidents only (validated, not drills); revenue impact = measured revenue loss per hour × impact window;"
                        + " SLA minutes breached against the catalog's targets for the priority; relations are Pearson's r over the months"
                        + " of the last four quarters with both figures — how closely they moved together, not a cause.");
    }

    /** The first day of the earliest quarter the report reads. */
    public static LocalDate readsFrom(Quarter quarter) {
        return quarter.previous().previous().previous().firstMonth().atDay(1);
    }
}
