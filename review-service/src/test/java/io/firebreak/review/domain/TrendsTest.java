package io.firebreak.review.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.review.domain.Trends.Factor;
import io.firebreak.review.domain.Trends.RoleAcceptance;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendsTest {

    @Test
    void factorsAreCountedOncePerIncidentAndComparedWithThePreviousPeriod() {
        List<Factor> now = List.of(new Factor("i1", "DESIGN", "CAPACITY", "checkout", "payments"),
                new Factor("i1", "DESIGN", "MISSING_LIMITS", "checkout", "payments"),
                new Factor("i2", "PROCESS", "CHANGE_MANAGEMENT", "search", "discovery"),
                new Factor("i3", "DESIGN", "CAPACITY", "search", "discovery"));
        List<Factor> before = List.of(new Factor("i0", "PROCESS", "ESCALATION", "checkout", "payments"),
                new Factor("i9", "PROCESS", "HANDOVER", "checkout", "payments"));
        assertThat(Trends.compare(now, before, Factor::category)).containsExactly(
                new Trends.Row("DESIGN", 2, 0, 2), new Trends.Row("PROCESS", 1, 2, -1));
        assertThat(Trends.compare(now, before, Factor::team)).containsExactly(
                new Trends.Row("discovery", 2, 0, 2), new Trends.Row("payments", 1, 2, -1));
    }

    @Test
    void aRoleAcceptedLateInAtLeastTheGivenShareOfIncidentsIsABottleneck() {
        Duration late = Duration.ofMinutes(20);
        Duration quick = Duration.ofMinutes(3);
        List<RoleAcceptance> acceptances = List.of(
                new RoleAcceptance("i1", "P1", "COMMS_LEAD", late), new RoleAcceptance("i2", "P1", "COMMS_LEAD", late),
                new RoleAcceptance("i3", "P1", "COMMS_LEAD", quick), new RoleAcceptance("i4", "P1", "COMMS_LEAD", quick),
                new RoleAcceptance("i5", "P1", "COMMS_LEAD", quick),
                new RoleAcceptance("i1", "P1", "INCIDENT_COMMANDER", quick), new RoleAcceptance("i2", "P1", "INCIDENT_COMMANDER", late));
        var found = Trends.bottlenecks(acceptances, Duration.ofMinutes(15), 0.4);
        assertThat(found).extracting(Trends.Bottleneck::role).containsExactly("INCIDENT_COMMANDER", "COMMS_LEAD");
        assertThat(found.get(1).sentence("this quarter")).isEqualTo("COMMS_LEAD accepted after > 15 min in 40 % of P1s this quarter");
        assertThat(Trends.bottlenecks(acceptances, Duration.ofMinutes(15), 0.5)).extracting(Trends.Bottleneck::role)
                .containsExactly("INCIDENT_COMMANDER");
    }
}
