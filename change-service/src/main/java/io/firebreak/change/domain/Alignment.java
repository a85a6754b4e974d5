package io.firebreak.change.domain;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Root-cause alignment: an emergency change must cite a confirmed triage finding whose affected component is the
 * change's target, or depends on it (directly or through other services) per the catalog's dependency graph.
 * Pure: the graph is given as "service → the services it depends on".
 */
public final class Alignment {

    private Alignment() {
    }

    /** Null when aligned; otherwise why not, for the refusal. */
    public static String mismatch(String findingComponent, String target, Map<String, List<String>> dependsOn) {
        if (findingComponent == null || findingComponent.isBlank()) {
            return "The cited finding names no affected component";
        }
        if (findingComponent.equals(target)) {
            return null;
        }
        if (dependsOnTransitively(findingComponent, target, dependsOn)) {
            return null;
        }
        return "The finding points at " + findingComponent + ", which neither is " + target + " nor depends on it";
    }

    /**
     * Why {@code target} is no business of an incident on {@code incidentService} (null when it is): the incident's own
     * service, or one it depends on directly or through others (an impacted dependency), may be changed.
     */
    public static String targetRefusal(String incidentService, String target, Map<String, List<String>> dependsOn) {
        if (incidentService.equals(target) || dependsOnTransitively(incidentService, target, dependsOn)) {
            return null;
        }
        return target + " is neither the incident's service " + incidentService + " nor one it depends on";
    }

    /** Whether {@code service} is {@code target} or depends on it directly or through others (it is affected by a change of target). */
    public static boolean affectedBy(String service, String target, Map<String, List<String>> dependsOn) {
        return service.equals(target) || dependsOnTransitively(service, target, dependsOn);
    }

    public static boolean dependsOnTransitively(String from, String target, Map<String, List<String>> dependsOn) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(dependsOn.getOrDefault(from, List.of()));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (next.equals(target)) {
                return true;
            }
            if (seen.add(next)) {
                todo.addAll(dependsOn.getOrDefault(next, List.of()));
            }
        }
        return false;
    }
}
