package io.firebreak.metrics.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Repeat failures: incidents on the same business service sharing an alert fingerprint or a contributing factor
 * within the window (90 days by default). A group reaching the threshold is a breach (metrics publishes it and review
 * opens an architectural review); the recurrence rate of a service is the share of its incidents in the window that
 * share a cause with another one. Drills never count. Pure.
 */
public final class Recurrence {

    public static final String FINGERPRINT = "ALERT_FINGERPRINT";
    public static final String FACTOR = "CONTRIBUTING_FACTOR";

    /** One incident as recurrence sees it. */
    public record Occurrence(UUID incidentId, String key, String service, Instant declaredAt, Set<String> fingerprints, Set<String> factors) {
    }

    /** Incidents of one service sharing one cause within the window. */
    public record Group(String service, String basis, String value, List<Occurrence> incidents) {
    }

    private Recurrence() {
    }

    /** Every group of the window ending at {@code at} with at least two incidents, largest first. */
    public static List<Group> groups(List<Occurrence> all, Instant at, Duration window) {
        Instant from = at.minus(window);
        Map<List<String>, List<Occurrence>> by = new LinkedHashMap<>();
        for (Occurrence o : all.stream().sorted(Comparator.comparing(Occurrence::declaredAt)).toList()) {
            if (o.declaredAt().isBefore(from) || o.declaredAt().isAfter(at)) {
                continue;
            }
            for (String f : o.fingerprints()) {
                by.computeIfAbsent(List.of(o.service(), FINGERPRINT, f), k -> new ArrayList<>()).add(o);
            }
            for (String f : o.factors()) {
                by.computeIfAbsent(List.of(o.service(), FACTOR, f), k -> new ArrayList<>()).add(o);
            }
        }
        List<Group> out = new ArrayList<>();
        by.forEach((k, list) -> {
            List<Occurrence> distinct = list.stream().filter(distinctBy()).toList();
            if (distinct.size() >= 2) {
                out.add(new Group(k.get(0), k.get(1), k.get(2), distinct));
            }
        });
        out.sort(Comparator.comparing((Group g) -> -g.incidents().size()).thenComparing(Group::service).thenComparing(Group::value));
        return out;
    }

    private static java.util.function.Predicate<Occurrence> distinctBy() {
        Set<UUID> seen = new java.util.HashSet<>();
        return o -> seen.add(o.incidentId());
    }

    /** The groups that reach {@code threshold} incidents. */
    public static List<Group> breaches(List<Occurrence> all, Instant at, Duration window, int threshold) {
        return groups(all, at, window).stream().filter(g -> g.incidents().size() >= threshold).toList();
    }

    /** Per service: the share of its incidents in the window that recur (share a cause with another one). */
    public static Map<String, Double> rates(List<Occurrence> all, Instant at, Duration window) {
        Instant from = at.minus(window);
        Map<String, Set<UUID>> incidents = new LinkedHashMap<>();
        Map<String, Set<UUID>> recurring = new LinkedHashMap<>();
        all.stream().filter(o -> !o.declaredAt().isBefore(from) && !o.declaredAt().isAfter(at))
                .forEach(o -> incidents.computeIfAbsent(o.service(), s -> new java.util.HashSet<>()).add(o.incidentId()));
        for (Group g : groups(all, at, window)) {
            g.incidents().forEach(o -> recurring.computeIfAbsent(g.service(), s -> new java.util.HashSet<>()).add(o.incidentId()));
        }
        Map<String, Double> out = new java.util.TreeMap<>();
        incidents.forEach((service, ids) -> out.put(service, (double) recurring.getOrDefault(service, Set.of()).size() / ids.size()));
        return out;
    }
}
