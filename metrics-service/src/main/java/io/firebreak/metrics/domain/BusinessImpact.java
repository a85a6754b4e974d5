package io.firebreak.metrics.domain;

import io.firebreak.metrics.model.IncidentLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An incident's business impact (docs/metrics.md): revenue impact is the measured revenue loss per hour integrated
 * over the impact window — from detection until mitigation (else resolution) — each measurement applying from its
 * moment until the next (the declaration's from detection); customers affected is the largest count measured; SLA
 * time breached is how far acknowledgement and resolution ran past the catalog's targets for the priority. Null
 * where a fact is missing, never zero. Pure.
 */
public final class BusinessImpact {

    private BusinessImpact() {
    }

    /** Revenue lost over the impact window, to the cent; null while the impact has not ended or no rate was measured. */
    public static Double revenue(IncidentLedger l) {
        Instant end = l.mitigatedAt != null ? l.mitigatedAt : l.resolvedAt;
        Instant start = l.detectedAt;
        if (start == null || end == null || !end.isAfter(start)) {
            return null;
        }
        List<IncidentLedger.Impact> rates = l.impacts.values().stream().filter(i -> i.revenueLossPerHour() != null)
                .sorted(Comparator.comparing(IncidentLedger.Impact::at)).toList();
        if (rates.isEmpty()) {
            return null;
        }
        double total = 0;
        for (int i = 0; i < rates.size(); i++) {
            Instant from = i == 0 ? start : max(start, rates.get(i).at());
            Instant to = i + 1 < rates.size() ? min(end, max(start, rates.get(i + 1).at())) : end;
            if (to.isAfter(from)) {
                total += rates.get(i).revenueLossPerHour() * Duration.between(from, to).toMillis() / 3_600_000.0;
            }
        }
        return Math.round(total * 100) / 100.0;
    }

    /** The most users any measurement said were affected; null when none said. */
    public static Long customersAffected(IncidentLedger l) {
        return l.impacts.values().stream().map(IncidentLedger.Impact::usersAffected).filter(Objects::nonNull).max(Long::compare).orElse(null);
    }

    /** Seconds acknowledgement and resolution ran past their targets (in minutes); null without a target or a figure. */
    public static Long slaBreachSeconds(Long mttaSeconds, Long mttrSeconds, Integer acknowledgeMinutes, Integer resolveMinutes) {
        Long ack = mttaSeconds == null || acknowledgeMinutes == null ? null : Math.max(0, mttaSeconds - acknowledgeMinutes * 60L);
        Long resolve = mttrSeconds == null || resolveMinutes == null ? null : Math.max(0, mttrSeconds - resolveMinutes * 60L);
        return ack == null && resolve == null ? null : (ack == null ? 0 : ack) + (resolve == null ? 0 : resolve);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
