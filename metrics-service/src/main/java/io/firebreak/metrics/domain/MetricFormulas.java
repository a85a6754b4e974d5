package io.firebreak.metrics.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The definitions (docs/metrics.md): MTTA is declared → first acknowledgement; MTTR is detected → resolved; MTTE is
 * detected → the first page to the team that resolved it (the team of the person who resolved it); escalation latency
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

    /** {@code teamOf} names the team of a person (response's teams), null when unknown. */
    public static Duration mtte(IncidentLedger l, Function<String, String> teamOf) {
        if (l.resolvedBy == null || l.detectedAt == null) {
            return null;
        }
        String resolvingTeam = teamOf.apply(l.resolvedBy);
        if (resolvingTeam == null) {
            return null;
        }
        return l.pages.stream().filter(p -> resolvingTeam.equals(p.teamId())).findFirst().map(p -> between(l.detectedAt, p.at())).orElse(null);
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
