package io.firebreak.review.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Trends across post-mortems: contributing factors counted by a dimension (category, business service, team) in a
 * period against the previous one, and recurring role bottlenecks ("Comms Lead accepted after > 15 min in 40 % of
 * P1s this quarter"). Counts are of incidents, so one incident with three design factors counts once for DESIGN. Pure.
 */
public final class Trends {

    private Trends() {
    }

    /** A factor of one incident, with the incident's service and owning team. */
    public record Factor(String incidentId, String category, String subcategory, String service, String team) {
    }

    /** Incidents with a factor in {@code key} in this period and the previous one; {@code change} = current − previous. */
    public record Row(String key, int current, int previous, int change) {
    }

    public static List<Row> compare(List<Factor> current, List<Factor> previous, Function<Factor, String> dimension) {
        Map<String, Set<String>> now = incidentsBy(current, dimension);
        Map<String, Set<String>> before = incidentsBy(previous, dimension);
        Set<String> keys = new HashSet<>(now.keySet());
        keys.addAll(before.keySet());
        List<Row> rows = new ArrayList<>();
        for (String k : keys) {
            int c = now.getOrDefault(k, Set.of()).size();
            int p = before.getOrDefault(k, Set.of()).size();
            rows.add(new Row(k, c, p, c - p));
        }
        rows.sort(Comparator.comparing(Row::current).reversed().thenComparing(Row::key));
        return rows;
    }

    private static Map<String, Set<String>> incidentsBy(List<Factor> factors, Function<Factor, String> dimension) {
        Map<String, Set<String>> out = new HashMap<>();
        for (Factor f : factors) {
            String k = dimension.apply(f);
            if (k != null) {
                out.computeIfAbsent(k, x -> new HashSet<>()).add(f.incidentId());
            }
        }
        return out;
    }

    /** How long one role took to be accepted after its first page, on one incident. */
    public record RoleAcceptance(String incidentId, String priority, String role, java.time.Duration pageToAcceptance) {
    }

    /** For a role and priority: in how many incidents acceptance took longer than the threshold, and the share. */
    public record Bottleneck(String role, String priority, int incidents, int slower, double share, java.time.Duration threshold) {

        public String sentence(String period) {
            return role + " accepted after > " + threshold.toMinutes() + " min in " + Math.round(share * 100) + " % of " + priority + "s " + period;
        }
    }

    /** Role/priority pairs where at least {@code minimumShare} of incidents exceeded {@code threshold}, worst first. */
    public static List<Bottleneck> bottlenecks(List<RoleAcceptance> acceptances, java.time.Duration threshold, double minimumShare) {
        Map<String, List<RoleAcceptance>> groups = new HashMap<>();
        for (RoleAcceptance a : acceptances) {
            groups.computeIfAbsent(a.role() + "|" + a.priority(), k -> new ArrayList<>()).add(a);
        }
        List<Bottleneck> out = new ArrayList<>();
        for (List<RoleAcceptance> g : groups.values()) {
            long incidents = g.stream().map(RoleAcceptance::incidentId).distinct().count();
            long slower = g.stream().filter(a -> a.pageToAcceptance().compareTo(threshold) > 0).map(RoleAcceptance::incidentId).distinct().count();
            double share = incidents == 0 ? 0 : (double) slower / incidents;
            if (slower > 0 && share >= minimumShare) {
                out.add(new Bottleneck(g.get(0).role(), g.get(0).priority(), (int) incidents, (int) slower, share, threshold));
            }
        }
        out.sort(Comparator.comparing(Bottleneck::share).reversed().thenComparing(Bottleneck::role).thenComparing(Bottleneck::priority));
        return out;
    }
}
