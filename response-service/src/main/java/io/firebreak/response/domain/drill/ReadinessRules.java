package io.firebreak.response.domain.drill;

import io.firebreak.response.model.paging.Page;
import io.firebreak.response.model.roles.Handover;
import io.firebreak.response.model.roles.HandoverStatus;
import io.firebreak.response.model.roles.IncidentRole;
import io.firebreak.response.model.roles.IncidentRoleKind;
import io.firebreak.response.model.runbook.ChecklistItem;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;

/**
 * How a drill measures a role holder, and when a role holder is due for the next one. Pure rules: every
 * moment comes in as an argument (the caller's clock).
 *
 * <ul>
 *   <li>Performance in one drill, per person and role: seconds from their page to its acknowledgement
 *       (the fastest of their pages), seconds from the role's page (or proposal) to its acceptance, checklist
 *       items of the role ticked out of all, and handovers of the role they offered that the incoming
 *       person acknowledged. Only someone who accepted the role took part.</li>
 *   <li>The requirement: a drill in the role at least once a quarter — the next is due three calendar
 *       months (UTC) after the last one taken part in, or after the qualification became valid.</li>
 *   <li>A qualification lapsing within 30 days is flagged, one already lapsed too.</li>
 * </ul>
 */
public final class ReadinessRules {

    public static final Period DRILL_EVERY = Period.ofMonths(3);
    public static final Duration LAPSE_WARNING = Duration.ofDays(30);

    private ReadinessRules() {
    }

    /** One person's performance in one role of one drill. */
    public record Performance(boolean tookPart, Long secondsToAcknowledge, Long secondsToAccept, int checklistDone, int checklistTotal,
                              int handoversOffered, int handoversAcknowledged) {

        /** Share of the role's checklist ticked; null when the role had none. */
        public Double checklistCompletion() {
            return checklistTotal == 0 ? null : (double) checklistDone / checklistTotal;
        }

        /** Share of the handovers they offered that were acknowledged; null when they offered none. */
        public Double handoverQuality() {
            return handoversOffered == 0 ? null : (double) handoversAcknowledged / handoversOffered;
        }
    }

    /**
     * Measures {@code person} in {@code role} of one drill from their assignments of that role (none when a
     * participant was never even proposed) and the drill's pages, checklist items and handovers (all of the
     * incident; this picks what is theirs).
     */
    public static Performance measure(String person, IncidentRoleKind role, List<IncidentRole> assignments, List<Page> pages,
                                      List<ChecklistItem> checklist, List<Handover> handovers) {
        IncidentRole accepted = assignments.stream().filter(a -> a.acceptedAt != null)
                .min(java.util.Comparator.comparing(a -> a.acceptedAt)).orElse(null);
        Long toAccept = accepted == null ? null
                : Duration.between(accepted.pagedAt != null ? accepted.pagedAt : accepted.proposedAt, accepted.acceptedAt).toSeconds();
        Long toAcknowledge = pages.stream().filter(p -> p.person.equals(person) && p.acknowledgedAt != null)
                .map(p -> Duration.between(p.triggeredAt, p.acknowledgedAt).toSeconds()).min(Long::compare).orElse(null);
        List<ChecklistItem> items = checklist.stream().filter(i -> i.role == role).toList();
        List<Handover> offered = handovers.stream().filter(h -> h.role == role && h.fromPerson.equals(person)
                && h.status != HandoverStatus.CANCELLED).toList();
        return new Performance(accepted != null, toAcknowledge, toAccept,
                (int) items.stream().filter(i -> i.doneAt != null).count(), items.size(),
                offered.size(), (int) offered.stream().filter(h -> h.status == HandoverStatus.COMPLETED).count());
    }

    /** Where a role holder stands on the day {@code now}. */
    public record Standing(Instant lastDrillAt, Instant drillDueAt, boolean drillOverdue, Instant qualificationValidUntil,
                           boolean qualificationLapsed, boolean qualificationLapsesSoon) {

        /** Someone a manager must act on. */
        public boolean needsAttention() {
            return drillOverdue || qualificationLapsed || qualificationLapsesSoon;
        }
    }

    public static Standing standing(Instant now, Instant lastDrillAt, Instant qualifiedSince, Instant validUntil) {
        Instant base = lastDrillAt != null ? lastDrillAt : qualifiedSince;
        Instant due = base.atZone(ZoneOffset.UTC).plus(DRILL_EVERY).toInstant();
        boolean lapsed = validUntil != null && !validUntil.isAfter(now);
        boolean lapsesSoon = validUntil != null && !lapsed && !validUntil.isAfter(now.plus(LAPSE_WARNING));
        return new Standing(lastDrillAt, due, now.isAfter(due), validUntil, lapsed, lapsesSoon);
    }
}
