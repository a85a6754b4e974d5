package io.firebreak.response.domain.drill;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.response.model.paging.Page;
import io.firebreak.response.model.roles.Handover;
import io.firebreak.response.model.roles.HandoverStatus;
import io.firebreak.response.model.roles.IncidentRole;
import io.firebreak.response.model.roles.IncidentRoleKind;
import io.firebreak.response.model.runbook.ChecklistItem;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadinessRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    private static IncidentRole assignment(IncidentRoleKind role, Instant pagedAt, Instant proposedAt, Instant acceptedAt) {
        IncidentRole r = new IncidentRole();
        r.role = role;
        r.person = "ian";
        r.pagedAt = pagedAt;
        r.proposedAt = proposedAt;
        r.acceptedAt = acceptedAt;
        return r;
    }

    private static Page page(String person, Instant triggered, Instant acknowledged) {
        Page p = new Page();
        p.person = person;
        p.triggeredAt = triggered;
        p.acknowledgedAt = acknowledged;
        return p;
    }

    private static ChecklistItem item(IncidentRoleKind role, boolean done) {
        ChecklistItem i = new ChecklistItem();
        i.role = role;
        i.doneAt = done ? T0 : null;
        return i;
    }

    private static Handover handover(IncidentRoleKind role, String from, HandoverStatus status) {
        Handover h = new Handover();
        h.role = role;
        h.fromPerson = from;
        h.status = status;
        return h;
    }

    @Test
    void aHolderIsMeasuredFromTheirOwnPagesChecklistAndHandoversOnly() {
        var performance = ReadinessRules.measure("ian", IncidentRoleKind.INCIDENT_COMMANDER,
                List.of(assignment(IncidentRoleKind.INCIDENT_COMMANDER, T0, T0.plusSeconds(5), T0.plusSeconds(240))),
                List.of(page("ian", T0, T0.plusSeconds(90)), page("ian", T0.plusSeconds(300), T0.plusSeconds(330)),
                        page("cora", T0, T0.plusSeconds(10))),
                List.of(item(IncidentRoleKind.INCIDENT_COMMANDER, true), item(IncidentRoleKind.INCIDENT_COMMANDER, false),
                        item(IncidentRoleKind.INCIDENT_COMMANDER, true), item(IncidentRoleKind.COMMS_LEAD, true)),
                List.of(handover(IncidentRoleKind.INCIDENT_COMMANDER, "ian", HandoverStatus.COMPLETED),
                        handover(IncidentRoleKind.INCIDENT_COMMANDER, "ian", HandoverStatus.OFFERED),
                        handover(IncidentRoleKind.INCIDENT_COMMANDER, "ian", HandoverStatus.CANCELLED),
                        handover(IncidentRoleKind.COMMS_LEAD, "ian", HandoverStatus.COMPLETED)));

        assertThat(performance.tookPart()).isTrue();
        assertThat(performance.secondsToAcknowledge()).isEqualTo(30); // the fastest of his pages
        assertThat(performance.secondsToAccept()).isEqualTo(240);     // from the page, not the proposal
        assertThat(performance.checklistDone()).isEqualTo(2);
        assertThat(performance.checklistTotal()).isEqualTo(3);
        assertThat(performance.checklistCompletion()).isEqualTo(2.0 / 3);
        assertThat(performance.handoversOffered()).isEqualTo(2);
        assertThat(performance.handoverQuality()).isEqualTo(0.5);
    }

    @Test
    void someoneWhoNeverAcceptedDidNotTakePartAndAManualProposalCountsFromTheProposal() {
        var absent = ReadinessRules.measure("ian", IncidentRoleKind.TECH_LEAD, List.of(assignment(IncidentRoleKind.TECH_LEAD, T0, T0, null)),
                List.of(page("ian", T0, null)), List.of(), List.of());
        assertThat(absent.tookPart()).isFalse();
        assertThat(absent.secondsToAccept()).isNull();
        assertThat(absent.secondsToAcknowledge()).isNull();
        assertThat(absent.checklistCompletion()).isNull();
        assertThat(absent.handoverQuality()).isNull();

        var neverProposed = ReadinessRules.measure("ian", IncidentRoleKind.COMMS_LEAD, List.of(), List.of(page("ian", T0, T0.plusSeconds(20))),
                List.of(item(IncidentRoleKind.COMMS_LEAD, false)), List.of());
        assertThat(neverProposed.tookPart()).isFalse();
        assertThat(neverProposed.secondsToAcknowledge()).isEqualTo(20);
        assertThat(neverProposed.checklistCompletion()).isEqualTo(0.0);

        var manual = ReadinessRules.measure("ian", IncidentRoleKind.SCRIBE, List.of(assignment(IncidentRoleKind.SCRIBE, null, T0, T0.plusSeconds(61))),
                List.of(), List.of(), List.of());
        assertThat(manual.secondsToAccept()).isEqualTo(61);
    }

    @Test
    void theNextDrillIsDueThreeCalendarMonthsAfterTheLastOrAfterQualifying() {
        Instant qualified = Instant.parse("2026-01-31T12:00:00Z");
        var never = ReadinessRules.standing(Instant.parse("2026-04-30T12:00:00Z"), null, qualified, null);
        assertThat(never.drillDueAt()).isEqualTo(Instant.parse("2026-04-30T12:00:00Z")); // end of month clamps
        assertThat(never.drillOverdue()).isFalse();
        assertThat(ReadinessRules.standing(Instant.parse("2026-04-30T12:00:01Z"), null, qualified, null).drillOverdue()).isTrue();

        var drilled = ReadinessRules.standing(Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2026-04-15T09:00:00Z"), qualified, null);
        assertThat(drilled.drillDueAt()).isEqualTo(Instant.parse("2026-07-15T09:00:00Z"));
        assertThat(drilled.needsAttention()).isFalse();
    }

    @Test
    void aQualificationLapsingWithinThirtyDaysOrLapsedNeedsAttention() {
        Instant now = Instant.parse("2026-11-30T00:00:00Z");
        Instant drilled = now.minusSeconds(86_400);
        var soon = ReadinessRules.standing(now, drilled, drilled, now.plus(ReadinessRules.LAPSE_WARNING));
        assertThat(soon.qualificationLapsesSoon()).isTrue();
        assertThat(soon.qualificationLapsed()).isFalse();
        assertThat(soon.needsAttention()).isTrue();

        var later = ReadinessRules.standing(now, drilled, drilled, now.plus(ReadinessRules.LAPSE_WARNING).plusSeconds(1));
        assertThat(later.needsAttention()).isFalse();

        var lapsed = ReadinessRules.standing(now, drilled, drilled, now);
        assertThat(lapsed.qualificationLapsed()).isTrue();
        assertThat(lapsed.qualificationLapsesSoon()).isFalse();
        assertThat(lapsed.needsAttention()).isTrue();
    }
}
