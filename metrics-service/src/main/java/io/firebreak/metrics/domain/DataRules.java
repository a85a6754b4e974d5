package io.firebreak.metrics.domain;

import io.firebreak.metrics.model.IncidentLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Data validation before anything is counted (docs/metrics.md): each rule that holds for an incident is a finding
 * with the events that show it; an incident with a finding is excluded from every metric until a later event corrects
 * it upstream (its findings are recomputed from everything known). Drills are not validated: they are never counted.
 * Pure.
 */
public final class DataRules {

    public enum Rule {
        /** A resolved incident without its detection, declaration, first acknowledgement or resolution time. */
        MISSING_TIMESTAMP,
        /** Acknowledged or paged before declared, declared before detected, mitigated or resolved before detected. */
        IMPOSSIBLE_ORDER,
        /** A priority decision after the incident was resolved. */
        PRIORITY_AFTER_RESOLUTION,
        /** A classification dispute without a later priority decision. */
        UNRESOLVED_DISPUTE,
        /** Events of an incident whose declaration metrics never received. */
        UNKNOWN_INCIDENT,
        /** Classification and response place the declaration further apart than the tolerance. */
        CLOCK_SKEW,
        /** A second incident declared for an alert group that already had one (the later one is the duplicate). */
        DUPLICATE_FOR_ALERT_GROUP
    }

    /** Another incident of the same alert group. */
    public record Sibling(UUID incidentId, String key, Instant declaredAt) {
    }

    /** Decisions that settle a dispute. */
    private static final Set<String> SETTLING = Set.of("RECLASSIFIED", "TEMPORARY_P1_CONFIRMED", "TEMPORARY_P1_DOWNGRADED");

    public record Finding(Rule rule, String detail, List<String> evidence) {
    }

    private DataRules() {
    }

    private static String eventOf(IncidentLedger l, String type) {
        return l.observations.stream().filter(o -> o.type().equals(type)).map(IncidentLedger.Observation::eventId).findFirst().orElse(null);
    }

    private static List<String> events(IncidentLedger l, String... types) {
        List<String> out = new ArrayList<>();
        for (String type : types) {
            l.observations.stream().filter(o -> o.type().equals(type)).map(IncidentLedger.Observation::eventId).forEach(out::add);
        }
        return out;
    }

    public static List<Finding> check(IncidentLedger l, Duration skewTolerance) {
        return check(l, skewTolerance, List.of());
    }

    /** As if every grace had passed: a missing declaration is a finding at once. */
    public static List<Finding> check(IncidentLedger l, Duration skewTolerance, List<Sibling> siblings) {
        return check(l, skewTolerance, siblings, Instant.MAX, Duration.ZERO);
    }

    /**
     * With the other incidents of the ledger's alert group (the earliest declared, then the smallest id, is the
     * original); a missing declaration is a finding only once {@code unknownGrace} has passed since metrics first heard
     * of the incident ({@link IncidentLedger#firstHeardAt}; a ledger without it is judged at once).
     */
    public static List<Finding> check(IncidentLedger l, Duration skewTolerance, List<Sibling> siblings, Instant now, Duration unknownGrace) {
        List<Finding> out = new ArrayList<>();
        if (!l.drillIncident() && l.declaredAt != null) {
            siblings.stream().filter(o -> o.declaredAt() != null && (o.declaredAt().isBefore(l.declaredAt)
                            || o.declaredAt().equals(l.declaredAt) && o.incidentId().compareTo(l.incidentId) < 0))
                    .min(java.util.Comparator.comparing(Sibling::declaredAt))
                    .ifPresent(original -> out.add(new Finding(Rule.DUPLICATE_FOR_ALERT_GROUP, "alert group " + l.alertGroupId + " already declared "
                            + original.key() + " at " + original.declaredAt(), events(l, "incident.declared"))));
        }
        if (l.drillIncident()) {
            return out;
        }
        if (!l.declarationSeen && (l.firstHeardAt == null || !now.isBefore(l.firstHeardAt.plus(unknownGrace)))) {
            out.add(new Finding(Rule.UNKNOWN_INCIDENT, "events of " + (l.key != null ? l.key : l.incidentId) + " arrived but its declaration did not",
                    l.observations.stream().map(IncidentLedger.Observation::eventId).toList()));
        }
        if (l.resolved()) {
            List<String> missing = new ArrayList<>();
            if (l.detectedAt == null) {
                missing.add("detected");
            }
            if (l.declaredAt == null) {
                missing.add("declared");
            }
            if (l.firstAcknowledgedAt == null) {
                missing.add("first acknowledgement");
            }
            if (!missing.isEmpty()) {
                out.add(new Finding(Rule.MISSING_TIMESTAMP, "resolved without " + String.join(", ", missing),
                        events(l, "response.resolved", "response.closed")));
            }
        }
        order(l, out);
        for (IncidentLedger.Decision d : l.decisions) {
            if (l.resolvedAt != null && d.at().isAfter(l.resolvedAt)) {
                out.add(new Finding(Rule.PRIORITY_AFTER_RESOLUTION, "priority set to " + d.priority() + " (" + d.reason() + ") at " + d.at()
                        + ", after the resolution at " + l.resolvedAt, List.of(d.eventId(), eventOf(l, "response.resolved") == null ? ""
                        : eventOf(l, "response.resolved")).stream().filter(s -> !s.isEmpty()).toList()));
            }
        }
        if (!l.disputes.isEmpty()) {
            Instant lastDispute = l.disputes.stream().max(Instant::compareTo).orElseThrow();
            boolean settled = l.decisions.stream().anyMatch(d -> SETTLING.contains(d.reason()) && !d.at().isBefore(lastDispute));
            if (!settled) {
                out.add(new Finding(Rule.UNRESOLVED_DISPUTE, "the classification dispute of " + lastDispute + " has no later priority decision",
                        events(l, "incident.classification_disputed")));
            }
        }
        if (l.declaredAt != null && l.declaredAtByResponse != null && l.declarationSeen
                && Duration.between(l.declaredAt, l.declaredAtByResponse).abs().compareTo(skewTolerance) > 0) {
            out.add(new Finding(Rule.CLOCK_SKEW, "classification declared at " + l.declaredAt + ", response recorded " + l.declaredAtByResponse,
                    events(l, "incident.declared", "page.triggered", "page.acknowledged")));
        }
        return out;
    }

    private static void order(IncidentLedger l, List<Finding> out) {
        List<String> wrong = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        if (l.declaredAt != null && l.firstAcknowledgedAt != null && l.firstAcknowledgedAt.isBefore(l.declaredAt)) {
            wrong.add("acknowledged (" + l.firstAcknowledgedAt + ") before declared (" + l.declaredAt + ")");
            evidence.addAll(events(l, "incident.declared", "page.acknowledged", "response.acknowledged"));
        }
        if (l.declaredAt != null && !l.pages.isEmpty() && l.pages.get(0).at().isBefore(l.declaredAt)) {
            wrong.add("paged (" + l.pages.get(0).at() + ") before declared (" + l.declaredAt + ")");
            evidence.add(l.pages.get(0).eventId());
        }
        if (l.detectedAt != null && l.declaredAt != null && l.declaredAt.isBefore(l.detectedAt)) {
            wrong.add("declared (" + l.declaredAt + ") before detected (" + l.detectedAt + ")");
            evidence.addAll(events(l, "incident.declared"));
        }
        if (l.detectedAt != null && l.mitigatedAt != null && l.mitigatedAt.isBefore(l.detectedAt)) {
            wrong.add("mitigated (" + l.mitigatedAt + ") before detected (" + l.detectedAt + ")");
            evidence.addAll(events(l, "response.mitigated"));
        }
        if (l.detectedAt != null && l.resolvedAt != null && l.resolvedAt.isBefore(l.detectedAt)) {
            wrong.add("resolved (" + l.resolvedAt + ") before detected (" + l.detectedAt + ")");
            evidence.addAll(events(l, "response.resolved"));
        }
        if (!wrong.isEmpty()) {
            out.add(new Finding(Rule.IMPOSSIBLE_ORDER, String.join("; ", wrong), evidence.stream().distinct().toList()));
        }
    }
}
