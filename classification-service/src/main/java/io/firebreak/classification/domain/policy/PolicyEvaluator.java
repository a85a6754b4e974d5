package io.firebreak.classification.domain.policy;

import io.firebreak.classification.model.policy.Availability;
import io.firebreak.classification.model.policy.DataExposure;
import io.firebreak.classification.model.policy.Evaluation;
import io.firebreak.classification.model.policy.ImpactFacts;
import io.firebreak.classification.model.policy.PolicyRules;
import io.firebreak.classification.model.policy.PriorityThresholds;
import io.firebreak.classification.model.policy.RuleCheck;
import io.firebreak.classification.model.policy.Thresholds;
import io.firebreak.events.Priority;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Classifies impact facts under a rule set. Pure: same rules and facts, same answer. The most
 * severe priority with a fired rule wins; nothing fired is P4.
 */
public final class PolicyEvaluator {

    private PolicyEvaluator() {
    }

    public static Evaluation evaluate(PolicyRules rules, Integer policyVersion, String service, int tier, ImpactFacts facts) {
        ImpactFacts f = facts == null ? ImpactFacts.NONE : facts;
        List<RuleCheck> checks = new ArrayList<>();
        PriorityThresholds override = rules.overrides().get(service);
        PriorityThresholds tierThresholds = rules.tiers() == null ? null : rules.tiers().get(String.valueOf(tier));
        PriorityThresholds thresholds = tierThresholds == null ? override : tierThresholds.overriddenBy(override);
        String scope = override != null ? "tier " + tier + " with the override for " + service : "tier " + tier;
        if (thresholds != null) {
            for (Priority priority : List.of(Priority.P1, Priority.P2, Priority.P3)) {
                Thresholds t = thresholds.of(priority);
                if (t == null) {
                    continue;
                }
                numeric(checks, rules, scope, priority, "revenueLossPerHour", f.revenueLossPerHour(), t.revenueLossPerHour());
                numeric(checks, rules, scope, priority, "usersAffected",
                        f.usersAffected() == null ? null : f.usersAffected().doubleValue(),
                        t.usersAffected() == null ? null : t.usersAffected().doubleValue());
                numeric(checks, rules, scope, priority, "usersAffectedShare", f.usersAffectedShare(), t.usersAffectedShare());
            }
        }
        qualitative(checks, "confirmedDataExposure", rules.confirmedDataExposure(), "dataExposure", f.dataExposure(),
                DataExposure.CONFIRMED, f.dataExposure() == DataExposure.CONFIRMED);
        // Confirmed exposure is at least suspected exposure: a rule for the weaker fact holds for the stronger.
        qualitative(checks, "suspectedDataExposure", rules.suspectedDataExposure(), "dataExposure", f.dataExposure(),
                "SUSPECTED or CONFIRMED", f.dataExposure() == DataExposure.SUSPECTED || f.dataExposure() == DataExposure.CONFIRMED);
        qualitative(checks, "securityBreach", rules.securityBreach(), "securityBreach", f.securityBreach(), true,
                Boolean.TRUE.equals(f.securityBreach()));
        qualitative(checks, "regulatoryExposure", rules.regulatoryExposure(), "regulatoryExposure", f.regulatoryExposure(), true,
                Boolean.TRUE.equals(f.regulatoryExposure()));
        qualitative(checks, "customerFacingOutageTier1", rules.customerFacingOutageTier1(), "availability",
                f.availability(), "UNAVAILABLE, customer-facing, tier 1",
                tier == 1 && f.availability() == Availability.UNAVAILABLE && Boolean.TRUE.equals(f.customerFacing()));

        Priority result = checks.stream().filter(RuleCheck::fired).map(RuleCheck::priority)
                .min(Comparator.naturalOrder()).orElse(Priority.P4);
        List<RuleCheck> fired = checks.stream().filter(c -> c.fired() && c.priority() == result).toList();
        List<RuleCheck> nearly = checks.stream().filter(c -> c.borderline() && c.priority().compareTo(result) < 0).toList();
        return new Evaluation(result, policyVersion, fired, nearly, !nearly.isEmpty(), List.copyOf(checks),
                summary(result, fired, nearly, scope, thresholds != null));
    }

    private static void numeric(List<RuleCheck> checks, PolicyRules rules, String scope, Priority priority, String fact,
                                Double measured, Double threshold) {
        if (threshold == null) {
            return;
        }
        boolean fired = measured != null && measured >= threshold;
        boolean borderline = !fired && measured != null && measured >= threshold * rules.margin();
        checks.add(new RuleCheck(scope + ": " + priority + " when " + fact + " >= " + format(threshold), priority, fact,
                measured, threshold, fired, borderline));
    }

    private static void qualitative(List<RuleCheck> checks, String rule, Priority priority, String fact, Object measured,
                                    Object condition, boolean fired) {
        if (priority == null) {
            return;
        }
        checks.add(new RuleCheck(rule + ": at least " + priority, priority, fact, measured, condition, fired, false));
    }

    private static String summary(Priority result, List<RuleCheck> fired, List<RuleCheck> nearly, String scope, boolean hasThresholds) {
        StringBuilder text = new StringBuilder();
        if (fired.isEmpty()) {
            text.append(result).append(": no rule fired").append(hasThresholds ? "" : " (the policy has no thresholds for " + scope + ")");
        } else {
            text.append(result).append(" because ");
            text.append(String.join("; ", fired.stream().map(c -> c.fact() + " " + format(c.measured()) + " reached "
                    + format(c.threshold())).toList()));
        }
        if (!nearly.isEmpty()) {
            text.append(". Borderline: ").append(String.join("; ", nearly.stream().map(c -> c.priority() + " " + c.fact() + " "
                    + format(c.measured()) + " of " + format(c.threshold())).toList()));
        }
        return text.toString();
    }

    private static String format(Object value) {
        if (value instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : String.format(Locale.ROOT, "%.4g", d);
        }
        return String.valueOf(value);
    }
}
