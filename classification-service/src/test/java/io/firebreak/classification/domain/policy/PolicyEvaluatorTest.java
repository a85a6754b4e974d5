package io.firebreak.classification.domain.policy;

import io.firebreak.classification.model.policy.Availability;
import io.firebreak.classification.model.policy.DataExposure;
import io.firebreak.classification.model.policy.Evaluation;
import io.firebreak.classification.model.policy.ImpactFacts;
import io.firebreak.classification.model.policy.PolicyRules;
import io.firebreak.classification.model.policy.PriorityThresholds;
import io.firebreak.classification.model.policy.RuleCheck;
import io.firebreak.classification.model.policy.Thresholds;
import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.Priority;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyEvaluatorTest {

    // Tier 1: P1 ≥ 10,000/h or ≥ 10,000 users or ≥ 5 % of users; each lower priority a tenth. Tier 2: twice tier 1.
    static final PolicyRules RULES = new PolicyRules(
            Map.of("1", new PriorityThresholds(
                            new Thresholds(10_000.0, 10_000L, 0.05),
                            new Thresholds(1_000.0, 1_000L, 0.005),
                            new Thresholds(100.0, 100L, 0.0005)),
                    "2", new PriorityThresholds(
                            new Thresholds(20_000.0, 20_000L, 0.10),
                            new Thresholds(2_000.0, 2_000L, 0.01),
                            new Thresholds(200.0, 200L, 0.001))),
            Map.of("checkout", new PriorityThresholds(new Thresholds(5_000.0, null, null), new Thresholds(500.0, null, null), null)),
            Priority.P1, Priority.P2, Priority.P1, Priority.P2, Priority.P1, 0.8);

    private static ImpactFacts facts(String metric, double value) {
        return switch (metric) {
            case "revenueLossPerHour" -> new ImpactFacts(value, null, null, null, null, null, null, null);
            case "usersAffected" -> new ImpactFacts(null, (long) value, null, null, null, null, null, null);
            default -> new ImpactFacts(null, null, value, null, null, null, null, null);
        };
    }

    private static double threshold(int tier, Priority p, String metric) {
        Thresholds t = RULES.tiers().get(String.valueOf(tier)).of(p);
        return switch (metric) {
            case "revenueLossPerHour" -> t.revenueLossPerHour();
            case "usersAffected" -> t.usersAffected();
            default -> t.usersAffectedShare();
        };
    }

    private static Priority lower(Priority p) {
        return Priority.values()[p.ordinal() + 1];
    }

    /** Every threshold of every tier: at it, just below it and just above it. */
    static Stream<Arguments> everyThreshold() {
        List<Arguments> cases = new ArrayList<>();
        for (int tier : List.of(1, 2)) {
            for (Priority p : List.of(Priority.P1, Priority.P2, Priority.P3)) {
                for (String metric : List.of("revenueLossPerHour", "usersAffected", "usersAffectedShare")) {
                    double t = threshold(tier, p, metric);
                    double step = metric.equals("usersAffected") ? 1 : t * 0.001;
                    cases.add(Arguments.of(tier, metric, t, p, "at"));
                    cases.add(Arguments.of(tier, metric, t - step, lower(p), "just below"));
                    cases.add(Arguments.of(tier, metric, t + step, p, "just above"));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "tier {0} {1} {4} {2} -> {3}")
    @MethodSource("everyThreshold")
    void priorityFollowsEachThresholdExactly(int tier, String metric, double value, Priority expected, String where) {
        Evaluation e = PolicyEvaluator.evaluate(RULES, 3, "search", tier, facts(metric, value));

        assertThat(e.priority()).isEqualTo(expected);
        assertThat(e.policyVersion()).isEqualTo(3);
        if (expected != Priority.P4) {
            assertThat(e.fired()).isNotEmpty().allSatisfy(c -> {
                assertThat(c.priority()).isEqualTo(expected);
                assertThat(c.fact()).isEqualTo(metric);
                assertThat(c.rule()).contains("tier " + tier);
                assertThat(((Number) c.measured()).doubleValue()).isGreaterThanOrEqualTo(((Number) c.threshold()).doubleValue());
            });
        }
        if (where.equals("just below")) {
            // Just under a threshold is within the 80 % margin: the more severe rule nearly fired.
            assertThat(e.borderline()).isTrue();
            assertThat(e.nearlyFired()).anySatisfy(c -> {
                assertThat(c.priority()).isEqualTo(Priority.values()[expected.ordinal() - 1]);
                assertThat(c.fact()).isEqualTo(metric);
                assertThat(c.fired()).isFalse();
            });
            assertThat(e.summary()).contains("Borderline");
        }
    }

    @Test
    void nothingMeasuredIsP4AndNotBorderline() {
        Evaluation e = PolicyEvaluator.evaluate(RULES, 1, "search", 1, ImpactFacts.NONE);
        assertThat(e.priority()).isEqualTo(Priority.P4);
        assertThat(e.borderline()).isFalse();
        assertThat(e.summary()).startsWith("P4: no rule fired");
    }

    @Test
    void valueWellBelowTheMarginIsNotBorderline() {
        Evaluation e = PolicyEvaluator.evaluate(RULES, 1, "search", 1, facts("revenueLossPerHour", 7_000));
        assertThat(e.priority()).isEqualTo(Priority.P2);
        assertThat(e.borderline()).isFalse();
    }

    @Test
    void aServiceOverrideReplacesOnlyTheThresholdsItSets() {
        Evaluation checkout = PolicyEvaluator.evaluate(RULES, 1, "checkout", 1, facts("revenueLossPerHour", 6_000));
        Evaluation search = PolicyEvaluator.evaluate(RULES, 1, "search", 1, facts("revenueLossPerHour", 6_000));
        assertThat(checkout.priority()).isEqualTo(Priority.P1);
        assertThat(checkout.fired().get(0).rule()).startsWith("tier 1 with the override for checkout: P1");
        assertThat(search.priority()).isEqualTo(Priority.P2);
        // The override sets revenue only: the tier's users thresholds still apply to checkout, and its P3.
        assertThat(PolicyEvaluator.evaluate(RULES, 1, "checkout", 1, facts("usersAffected", 12_000)).priority()).isEqualTo(Priority.P1);
        assertThat(PolicyEvaluator.evaluate(RULES, 1, "checkout", 1, facts("usersAffectedShare", 0.06)).priority()).isEqualTo(Priority.P1);
        assertThat(PolicyEvaluator.evaluate(RULES, 1, "checkout", 1, facts("revenueLossPerHour", 150)).priority()).isEqualTo(Priority.P3);
    }

    @Test
    void confirmedDataExposureSatisfiesARuleWrittenForSuspectedExposure() {
        // A policy that only knows suspected exposure (P2): confirmed exposure is at least that.
        PolicyRules onlySuspected = new PolicyRules(RULES.tiers(), Map.of(), null, Priority.P2, null, null, null, 0.8);
        Evaluation confirmed = PolicyEvaluator.evaluate(onlySuspected, 1, "search", 3,
                new ImpactFacts(null, null, null, null, DataExposure.CONFIRMED, null, null, null));
        assertThat(confirmed.priority()).isEqualTo(Priority.P2);
        assertThat(confirmed.fired()).extracting(RuleCheck::rule).containsExactly("suspectedDataExposure: at least P2");
    }

    @Test
    void declaredFactsAreCompletedFromTheCatalogWhereTheReporterSaidNothing() {
        ImpactFacts unavailable = new ImpactFacts(null, null, null, null, null, null, null, Availability.UNAVAILABLE);

        // Tier 1, customer-facing, no revenue figure: the catalog's flag makes it the outage rule's P1.
        ImpactFacts facing = unavailable.completedFrom(null, true, false, 100_000L);
        assertThat(facing.customerFacing()).isTrue();
        assertThat(PolicyEvaluator.evaluate(RULES, 1, "search", 1, facing).priority()).isEqualTo(Priority.P1);
        // An internal service is not a customer-facing outage, whatever else.
        ImpactFacts internal = unavailable.completedFrom(null, false, false, 100_000L);
        assertThat(PolicyEvaluator.evaluate(RULES, 1, "search", 1, internal).priority()).isEqualTo(Priority.P4);
        // A regulated internal service that is down has regulatory exposure: P2 by that rule.
        ImpactFacts regulated = unavailable.completedFrom(null, false, true, 100_000L);
        assertThat(regulated.regulatoryExposure()).isTrue();
        assertThat(PolicyEvaluator.evaluate(RULES, 1, "search", 1, regulated).priority()).isEqualTo(Priority.P2);
        // ...but not when merely degraded with nothing exposed.
        ImpactFacts degraded = new ImpactFacts(null, null, null, null, null, null, null, Availability.DEGRADED)
                .completedFrom(null, false, true, 100_000L);
        assertThat(degraded.regulatoryExposure()).isNull();
        // What the reporter said wins over the catalog, and the service's default impact fills the rest.
        ImpactFacts said = new ImpactFacts(null, null, null, false, null, false, null, Availability.UNAVAILABLE)
                .completedFrom(new ImpactFacts(2_000.0, 600L, null, null, null, null, null, null), true, true, 10_000L);
        assertThat(said.customerFacing()).isFalse();
        assertThat(said.regulatoryExposure()).isFalse();
        assertThat(said.revenueLossPerHour()).isEqualTo(2_000.0);
        assertThat(said.usersAffectedShare()).isEqualTo(0.06);
    }

    @Test
    void anyOneFactReachingP1IsEnoughAndTheExplanationNamesIt() {
        ImpactFacts f = new ImpactFacts(50.0, 12_000L, 0.001, true, DataExposure.NONE, false, false, Availability.DEGRADED);
        Evaluation e = PolicyEvaluator.evaluate(RULES, 7, "search", 1, f);
        assertThat(e.priority()).isEqualTo(Priority.P1);
        assertThat(e.fired()).extracting(RuleCheck::fact).containsExactly("usersAffected");
        assertThat(e.summary()).isEqualTo("P1 because usersAffected 12000 reached 10000");
    }

    @Test
    void qualitativeRulesSetAMinimumWhateverTheNumbers() {
        assertThat(PolicyEvaluator.evaluate(RULES, 1, "search", 3,
                new ImpactFacts(null, null, null, null, DataExposure.CONFIRMED, null, null, null)).priority()).isEqualTo(Priority.P1);
        assertThat(PolicyEvaluator.evaluate(RULES, 1, "search", 3,
                new ImpactFacts(null, null, null, null, DataExposure.SUSPECTED, null, null, null)).priority()).isEqualTo(Priority.P2);
        assertThat(PolicyEvaluator.evaluate(RULES, 1, "search", 4,
                new ImpactFacts(null, null, null, null, null, null, true, null)).priority()).isEqualTo(Priority.P1);
        assertThat(PolicyEvaluator.evaluate(RULES, 1, "search", 4,
                new ImpactFacts(null, null, null, null, null, true, null, null)).priority()).isEqualTo(Priority.P2);
    }

    @Test
    void customerFacingOutageIsP1OnlyOnTier1AndOnlyWhenUnavailable() {
        ImpactFacts outage = new ImpactFacts(null, null, null, true, null, null, null, Availability.UNAVAILABLE);
        ImpactFacts degraded = new ImpactFacts(null, null, null, true, null, null, null, Availability.DEGRADED);
        assertThat(PolicyEvaluator.evaluate(RULES, 1, "search", 1, outage).priority()).isEqualTo(Priority.P1);
        assertThat(PolicyEvaluator.evaluate(RULES, 1, "search", 2, outage).priority()).isEqualTo(Priority.P4);
        assertThat(PolicyEvaluator.evaluate(RULES, 1, "search", 1, degraded).priority()).isEqualTo(Priority.P4);
    }

    @Test
    void unmeasuredUsersShareIsDerivedFromTheCatalogUserCount() {
        ImpactFacts f = new ImpactFacts(null, 600L, null, null, null, null, null, null).withShareFrom(10_000L);
        assertThat(f.usersAffectedShare()).isEqualTo(0.06);
        assertThat(PolicyEvaluator.evaluate(RULES, 1, "search", 1, f).priority()).isEqualTo(Priority.P1);
    }

    @Test
    void signalFactsFallBackToTheServiceDefaults() {
        ImpactFacts defaults = new ImpactFacts(20_000.0, null, null, true, null, null, null, null);
        ImpactFacts merged = new ImpactFacts(null, 5L, null, null, null, null, null, null).orElse(defaults);
        assertThat(merged.revenueLossPerHour()).isEqualTo(20_000.0);
        assertThat(merged.usersAffected()).isEqualTo(5L);
        assertThat(merged.customerFacing()).isTrue();
    }

    @Test
    void rulesWhereALessSeverePriorityIsHarderToReachAreRefused() {
        PolicyRules inverted = new PolicyRules(Map.of("1", new PriorityThresholds(new Thresholds(100.0, null, 1.5),
                new Thresholds(1_000.0, -3L, null), null)), null, null, null, null, null, null, 1.2);
        assertThat(PolicyRulesValidator.violations(inverted)).extracting(v -> v.field()).containsExactlyInAnyOrder(
                "rules.tiers.1.p1.usersAffectedShare", "rules.tiers.1.p2.usersAffected",
                "rules.tiers.1.p2.revenueLossPerHour", "rules.borderlineMargin");
        assertThat(PolicyRulesValidator.violations(RULES)).isEmpty();
    }
}
