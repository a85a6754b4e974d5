package io.firebreak.classification.domain.catalog;

import io.firebreak.classification.model.catalog.DependencyKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog's dependency graph, immutable. "A depends on B" is an edge A → B; when B fails, A is
 * affected. Cycles are allowed: every traversal marks what it visited, so it ends after at most
 * one visit per service and per edge (O(services + edges)).
 */
public final class DependencyGraph {

    /** One edge: {@code dependent} depends on {@code dependency}. */
    public record Edge(String dependent, String dependency, DependencyKind kind) {
    }

    /** A service affected by a failure, the shortest path that reaches it, and whether that path is all hard. */
    public record Affected(String service, List<String> path, DependencyKind kind, int distance) {
    }

    private final Map<String, List<Edge>> dependentsOf;

    public DependencyGraph(Iterable<Edge> edges) {
        Map<String, List<Edge>> map = new HashMap<>();
        for (Edge e : edges) {
            map.computeIfAbsent(e.dependency(), k -> new ArrayList<>()).add(e);
        }
        this.dependentsOf = map;
    }

    /**
     * Every service transitively affected when {@code failed} fails. A service reachable over hard
     * edges only is HARD (with the shortest such path); otherwise SOFT (shortest path over any
     * edges). The failed service itself is not listed, even when a cycle leads back to it.
     */
    public List<Affected> affectedBy(String failed) {
        Map<String, Affected> hard = breadthFirst(failed, true);
        Map<String, Affected> all = breadthFirst(failed, false);
        List<Affected> result = new ArrayList<>(hard.values());
        for (Affected a : all.values()) {
            if (!hard.containsKey(a.service())) {
                result.add(new Affected(a.service(), a.path(), DependencyKind.SOFT, a.distance()));
            }
        }
        result.sort((x, y) -> x.distance() != y.distance() ? Integer.compare(x.distance(), y.distance())
                : x.service().compareTo(y.service()));
        return result;
    }

    private Map<String, Affected> breadthFirst(String failed, boolean hardOnly) {
        Map<String, String> parent = new HashMap<>();
        Map<String, Integer> distance = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        distance.put(failed, 0);
        queue.add(failed);
        while (!queue.isEmpty()) {
            String current = queue.poll();
            for (Edge e : dependentsOf.getOrDefault(current, List.of())) {
                if (hardOnly && e.kind() != DependencyKind.HARD) {
                    continue;
                }
                if (!distance.containsKey(e.dependent())) {
                    distance.put(e.dependent(), distance.get(current) + 1);
                    parent.put(e.dependent(), current);
                    queue.add(e.dependent());
                }
            }
        }
        Map<String, Affected> out = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> d : distance.entrySet()) {
            if (d.getKey().equals(failed)) {
                continue;
            }
            List<String> path = new ArrayList<>();
            for (String s = d.getKey(); s != null; s = parent.get(s)) {
                path.add(s);
            }
            Collections.reverse(path);
            out.put(d.getKey(), new Affected(d.getKey(), List.copyOf(path), DependencyKind.HARD, d.getValue()));
        }
        return out;
    }
}
