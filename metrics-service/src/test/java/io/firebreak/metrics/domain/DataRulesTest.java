package io.firebreak.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.metrics.domain.DataRules.Finding;
import io.firebreak.metrics.domain.DataRules.Rule;
import io.firebreak.metrics.model.IncidentLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DataRulesTest {

    private static final Duration TOLERANCE = Duration.ofMinutes(2);
    private static final java.time.Instant DETECTED = IncidentLedgerTest.DETECTED;
    private static final java.time.Instant DECLARED = IncidentLedgerTest.DECLARED;

    private static List<Rule> rules(IncidentLedger l) {
        return DataRules.check(l, TOLERANCE).stream().map(Finding::rule).toList();
    }

    @Test
    void anAcknowledgementBeforeTheDeclarationIsAnImpossibleOrderWithTheEventsThatShowIt() {
        IncidentLedger l = IncidentLedgerTest.fold(IncidentLedgerTest.fullP1());
        l.acknowledged("early", DECLARED, DECLARED.minusSeconds(30), false);
        List<Finding> findings = DataRules.check(l, TOLERANCE);
        assertThat(findings).extracting(Finding::rule).containsExactly(Rule.IMPOSSIBLE_ORDER);
        assertThat(findings.get(0).detail()).contains("acknowledged").contains("before declared");
        assertThat(findings.get(0).evidence()).contains("e1", "early");
    }

    @Test
    void aResolutionBeforeTheDetectionIsAnImpossibleOrder() {
        IncidentLedger l = new IncidentLedger(UUID.randomUUID());
        l.declared("d", "INC-1", "checkout", "P1", DETECTED, DECLARED, false);
        l.acknowledged("a", DECLARED, DECLARED.plusSeconds(60), false);
        l.lifecycle("r", "RESOLVED", "INC-1", "checkout", "P1", false, DETECTED, DECLARED, DECLARED.plusSeconds(60), null,
                DETECTED.minusSeconds(60), null, 0, "dora", DECLARED.plusSeconds(120));
        assertThat(rules(l)).containsExactly(Rule.IMPOSSIBLE_ORDER);
    }

    @Test
    void aResolvedIncidentWithoutAcknowledgementMissesAMandatoryTimestamp() {
        IncidentLedger l = new IncidentLedger(UUID.randomUUID());
        l.declared("d", "INC-1", "checkout", "P1", DETECTED, DECLARED, false);
        l.lifecycle("r", "RESOLVED", "INC-1", "checkout", "P1", false, DETECTED, DECLARED, null, null, DECLARED.plusSeconds(600), null, 0,
                "dora", DECLARED.plusSeconds(600));
        List<Finding> findings = DataRules.check(l, TOLERANCE);
        assertThat(findings).extracting(Finding::rule).containsExactly(Rule.MISSING_TIMESTAMP);
        assertThat(findings.get(0).detail()).contains("first acknowledgement");
        assertThat(findings.get(0).evidence()).containsExactly("r");
    }

    @Test
    void aPriorityDecisionAfterTheResolutionIsFlaggedButTheFinalPriorityIsNot() {
        IncidentLedger l = IncidentLedgerTest.fold(IncidentLedgerTest.fullP1());
        l.priorityChanged("late", "P2", "RECLASSIFIED", DECLARED.plusSeconds(4000));
        assertThat(rules(l)).containsExactly(Rule.PRIORITY_AFTER_RESOLUTION);
    }

    @Test
    void aDisputeStaysUnresolvedUntilALaterPriorityDecision() {
        IncidentLedger l = IncidentLedgerTest.fold(IncidentLedgerTest.fullP1());
        l.disputed("dispute", DECLARED);
        assertThat(rules(l)).containsExactly(Rule.UNRESOLVED_DISPUTE);
        l.priorityChanged("decision", "P1", "RECLASSIFIED", DECLARED.plusSeconds(600));
        assertThat(rules(l)).isEmpty();
    }

    @Test
    void aMissingDeclarationIsAFindingOnlyOnceTheGraceSinceTheFirstEventHasPassed() {
        IncidentLedger l = new IncidentLedger(UUID.randomUUID());
        l.paged("p", "pat", "team-payments", DECLARED, DECLARED.plusSeconds(10), false);
        Instant heard = DECLARED.plusSeconds(11);
        l.firstHeardAt = heard;
        Duration grace = Duration.ofMinutes(5);
        assertThat(DataRules.check(l, Duration.ofMinutes(2), List.of(), heard.plus(grace).minusMillis(1), grace)).isEmpty();
        assertThat(DataRules.check(l, Duration.ofMinutes(2), List.of(), heard.plus(grace), grace))
                .extracting(DataRules.Finding::rule).containsExactly(Rule.UNKNOWN_INCIDENT);
        l.firstHeardAt = null; // folded before the moment was kept: judged at once, as before
        assertThat(DataRules.check(l, Duration.ofMinutes(2), List.of(), heard, grace))
                .extracting(DataRules.Finding::rule).containsExactly(Rule.UNKNOWN_INCIDENT);
    }

    @Test
    void eventsOfAnIncidentNeverDeclaredAreUnknownUntilTheDeclarationArrives() {
        IncidentLedger l = new IncidentLedger(UUID.randomUUID());
        l.paged("p", "pat", "team-payments", DECLARED, DECLARED.plusSeconds(10), false);
        assertThat(rules(l)).containsExactly(Rule.UNKNOWN_INCIDENT);
        l.declared("d", "INC-1", "checkout", "P1", DETECTED, DECLARED, false);
        assertThat(rules(l)).isEmpty();
    }

    @Test
    void servicesPlacingTheDeclarationApartBeyondTheToleranceAreClockSkew() {
        IncidentLedger l = new IncidentLedger(UUID.randomUUID());
        l.declared("d", "INC-1", "checkout", "P1", DETECTED, DECLARED, false);
        l.paged("p", "pat", "team-payments", DECLARED.plusSeconds(300), DECLARED.plusSeconds(310), false);
        assertThat(rules(l)).containsExactly(Rule.CLOCK_SKEW);
        IncidentLedger close = new IncidentLedger(UUID.randomUUID());
        close.declared("d", "INC-2", "checkout", "P1", DETECTED, DECLARED, false);
        close.paged("p", "pat", "team-payments", DECLARED.plusSeconds(90), DECLARED.plusSeconds(95), false);
        assertThat(rules(close)).isEmpty();
    }

    @Test
    void aDrillIsNeverValidatedBecauseItIsNeverCounted() {
        IncidentLedger l = new IncidentLedger(UUID.randomUUID());
        l.declared("d", "INC-1", "checkout", "P1", DETECTED, DECLARED, true);
        l.acknowledged("a", DECLARED, DECLARED.minusSeconds(60), true);
        assertThat(rules(l)).isEmpty();
    }

    @Test
    void theLaterOfTwoIncidentsOfOneAlertGroupIsTheDuplicate() {
        UUID group = UUID.randomUUID();
        IncidentLedger first = new IncidentLedger(UUID.randomUUID());
        first.declared("d1", "INC-1", "checkout", "P1", DETECTED, DECLARED, false, group, "db-pool");
        IncidentLedger second = new IncidentLedger(UUID.randomUUID());
        second.declared("d2", "INC-2", "checkout", "P1", DETECTED, DECLARED.plusSeconds(30), false, group, "db-pool");
        List<Finding> findings = DataRules.check(second, TOLERANCE, List.of(new DataRules.Sibling(first.incidentId, "INC-1", DECLARED)));
        assertThat(findings).extracting(Finding::rule).containsExactly(Rule.DUPLICATE_FOR_ALERT_GROUP);
        assertThat(findings.get(0).detail()).contains("INC-1");
        assertThat(findings.get(0).evidence()).containsExactly("d2");
        assertThat(DataRules.check(first, TOLERANCE, List.of(new DataRules.Sibling(second.incidentId, "INC-2", DECLARED.plusSeconds(30)))))
                .isEmpty();
    }
}
