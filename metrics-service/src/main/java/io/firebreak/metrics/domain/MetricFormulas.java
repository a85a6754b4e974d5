package io.firebreak.metrics.domain;

import io.firebreak.metrics.model.IncidentLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The definitions (docs/metrics.md): MTTA is declared → first acknowledgement; MTTR is detected → resolved; MTTE is
 * detected → the first page to the team that resolved it (the team the resolver was paged as); escalation latency
 * is a hop's time at its level (level started → escalated), by the team it reached. A reopened incident counts once,
 * with its last resolution. Each answers null when a moment is missing. Pure.
 */
public final class MetricFormulas {

    private MetricFormulas() {
    }

    private static Duration between(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to);
    }

    public static Duration mtta(IncidentLedger l) {
        return between(l.declaredAt, l.firstAcknowledgedAt);
    }

    public static Duration mttr(IncidentLedger l) {
        return between(l.detectedAt, l.resolvedAt);
    }

    /**
     * The resolving team is the team the resolver was paged as (else, never paged, the teams {@code teamsOf} names for
     * them); MTTE ends at that team's first page. Null when no page reached it.
     */
    public static Duration mtte(IncidentLedger l, Function<String, java.util.Set<String>> teamsOf) {
        if (l.resolvedBy == null || l.detectedAt == null) {
            return null;
        }
        java.util.Set<String> resolving = new java.util.HashSet<>();
        l.pages.stream().filter(p -> l.resolvedBy.equals(p.person()) && p.teamId() != null).forEach(p -> resolving.add(p.teamId()));
        if (resolving.isEmpty()) {
            resolving.addAll(teamsOf.apply(l.resolvedBy));
        }
        return l.pages.stream().filter(p -> p.teamId() != null && resolving.contains(p.teamId())).findFirst()
                .map(p -> between(l.detectedAt, p.at())).orElse(null);
    }

    /** Per hop: the team reached and the time the previous level had. */
    public record HopLatency(String teamId, int toLevel, Duration latency) {
    }

    public static List<HopLatency> hops(IncidentLedger l) {
        List<HopLatency> out = new ArrayList<>();
        for (IncidentLedger.Hop h : l.hops) {
            Duration d = between(h.levelStartedAt(), h.escalatedAt());
            if (d != null) {
                out.add(new HopLatency(h.teamId(), h.toLevel(), d));
            }
        }
        return out;
    }
}
