package io.firebreak.metrics.domain.facts;

import io.firebreak.metrics.domain.Stats;
import io.firebreak.metrics.model.rollup.LogHistogram;
import io.firebreak.metrics.persistence.RollupRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Adds rollup rows and raw incidents up into a summary's groups and exclusion counts. */
final class SummaryAccumulator {

    private static final class Group {
        long counted;
        final LogHistogram mtta = new LogHistogram();
        final LogHistogram mttr = new LogHistogram();
        final LogHistogram mtte = new LogHistogram();
    }

    private final Map<String, Group> groups = new TreeMap<>();
    private final Map<String, Long> excludedByRule = new TreeMap<>();
    private long excluded;
    private long drills;

    void row(String key, RollupRepository.Row r) {
        excluded += r.excluded();
        drills += r.drills();
        if (r.excludedByRule() != null && r.excludedByRule().length() > 2) {
            for (String part : r.excludedByRule().substring(1, r.excludedByRule().length() - 1).split(",")) {
                String[] kv = part.split(":");
                excludedByRule.merge(kv[0].trim().replace("\"", ""), Long.parseLong(kv[1].trim()), Long::sum);
            }
        }
        if (r.counted() != 0) {
            Group g = groups.computeIfAbsent(key, k -> new Group());
            g.counted += r.counted();
            g.mtta.addStored(r.mtta(), r.mttaSum());
            g.mttr.addStored(r.mttr(), r.mttrSum());
            g.mtte.addStored(r.mtte(), r.mtteSum());
        }
    }

    void incident(String key, RollupRepository.RawIncident i, List<String> openRules) {
        if (i.drill()) {
            drills++;
        } else if (!i.included()) {
            excluded++;
            openRules.forEach(rule -> excludedByRule.merge(rule, 1L, Long::sum));
        } else {
            Group g = groups.computeIfAbsent(key, k -> new Group());
            g.counted++;
            add(g.mtta, i.mtta());
            add(g.mttr, i.mttr());
            add(g.mtte, i.mtte());
        }
    }

    private static void add(LogHistogram h, Long seconds) {
        if (seconds != null) {
            h.add(seconds, 1);
        }
    }

    private static Stats stats(LogHistogram h) {
        return h.count() <= 0 ? Stats.EMPTY : new Stats(h.count(), h.mean(), h.percentile(0.5), h.percentile(0.9));
    }

    MetricsQueries.Summary summary(Instant from, Instant until, String grouping) {
        List<MetricsQueries.Group> out = new ArrayList<>();
        long counted = 0;
        for (Map.Entry<String, Group> e : groups.entrySet()) {
            Group g = e.getValue();
            if (g.counted > 0) {
                counted += g.counted;
                out.add(new MetricsQueries.Group(e.getKey(), g.counted, stats(g.mtta), stats(g.mttr), stats(g.mtte)));
            }
        }
        Map<String, Long> rules = new TreeMap<>();
        excludedByRule.forEach((k, v) -> {
            if (v > 0) {
                rules.put(k, v);
            }
        });
        return new MetricsQueries.Summary(from, until, grouping, counted, excluded, rules, drills, out);
    }
}
