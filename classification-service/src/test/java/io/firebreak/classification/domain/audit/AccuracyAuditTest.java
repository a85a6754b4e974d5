package io.firebreak.classification.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.classification.model.policy.ImpactFacts;
import io.firebreak.classification.model.policy.PolicyRules;
import io.firebreak.classification.model.policy.PriorityThresholds;
import io.firebreak.classification.model.policy.Thresholds;
import io.firebreak.events.Priority;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccuracyAuditTest {

    private static final PolicyRules RULES = new PolicyRules(Map.of("1", new PriorityThresholds(
            new Thresholds(10_000.0, null, null), new Thresholds(1_000.0, null, null), new Thresholds(100.0, null, null))),
            null, null, null, null, null, null, null);

    private static AuditCase c(String key, Priority initial, Priority fin, double revenue) {
        return new AuditCase(key, "checkout", 1, 3, initial, fin, new ImpactFacts(revenue, null, null, null, null, null, null, null));
    }

    @Test
    void confusionMatrixCountsInitialAgainstFinalWithOverAndUnderShares() {
        List<AuditCase> cases = List.of(c("A", Priority.P1, Priority.P1, 20_000), c("B", Priority.P2, Priority.P1, 8_000),
                c("C", Priority.P1, Priority.P2, 12_000), c("D", Priority.P2, Priority.P2, 2_000));
        AccuracyReport report = AccuracyAudit.report(cases, Map.of(3, RULES));
        assertThat(report.incidents()).isEqualTo(4);
        assertThat(report.changed()).isEqualTo(2);
        assertThat(report.overall().counts().get(Priority.P2).get(Priority.P1)).isEqualTo(1);
        assertThat(report.overall().counts().get(Priority.P1).get(Priority.P1)).isEqualTo(1);
        assertThat(report.overall().overClassifiedShare()).isEqualTo(0.25);
        assertThat(report.overall().underClassifiedShare()).isEqualTo(0.25);
        assertThat(report.overall().accuracy()).isEqualTo(0.5);
        assertThat(report.byPolicyVersion()).containsKey("3");
        assertThat(report.byService()).containsKey("checkout");
    }

    @Test
    void underClassificationSuggestsLoweringTheFinalPrioritysThresholdToTheSmallestMiss() {
        List<AuditCase> cases = List.of(c("B", Priority.P2, Priority.P1, 8_000), c("E", Priority.P2, Priority.P1, 7_000),
                c("A", Priority.P1, Priority.P1, 20_000), c("D", Priority.P2, Priority.P2, 2_000));
        AccuracyReport.Suggestion s = AccuracyAudit.report(cases, Map.of(3, RULES)).suggestions().get(0);
        assertThat(s.direction()).isEqualTo("LOWER");
        assertThat(s.scope()).isEqualTo("tier 1");
        assertThat(s.priority()).isEqualTo(Priority.P1);
        assertThat(s.fact()).isEqualTo("revenueLossPerHour");
        assertThat(s.currentThreshold()).isEqualTo(10_000.0);
        assertThat(s.suggested()).isEqualTo(7_000.0);
        assertThat(s.incidents()).containsExactly("B", "E");
        assertThat(s.correctBefore()).isEqualTo(2);
        assertThat(s.correctAfter()).isEqualTo(4);
    }

    @Test
    void overClassificationSuggestsRaisingTheInitialPrioritysThresholdAboveTheLargestMiss() {
        List<AuditCase> cases = List.of(c("C", Priority.P1, Priority.P2, 12_000), c("A", Priority.P1, Priority.P1, 20_000));
        AccuracyReport.Suggestion s = AccuracyAudit.report(cases, Map.of(3, RULES)).suggestions().get(0);
        assertThat(s.direction()).isEqualTo("RAISE");
        assertThat(s.suggested()).isEqualTo(12_000.0);
        assertThat(s.correctBefore()).isEqualTo(1);
        assertThat(s.correctAfter()).isEqualTo(2);
    }

    @Test
    void noIncidentsGiveAnEmptyReport() {
        AccuracyReport report = AccuracyAudit.report(List.of(), Map.of());
        assertThat(report.incidents()).isZero();
        assertThat(report.overall().accuracy()).isZero();
        assertThat(report.suggestions()).isEmpty();
    }
}
