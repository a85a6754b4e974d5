package io.firebreak.classification.domain.policy;

import io.firebreak.classification.model.policy.PolicyRules;
import io.firebreak.classification.model.policy.PriorityThresholds;
import io.firebreak.classification.model.policy.Thresholds;
import io.firebreak.events.Priority;
import io.firebreak.platform.problem.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What makes a rule set usable: thresholds non-negative, shares within 0–1, tiers 1–4, and a more
 * severe priority never easier to reach than a less severe one.
 */
public final class PolicyRulesValidator {

    private PolicyRulesValidator() {
    }

    public static List<Violation> violations(PolicyRules rules) {
        List<Violation> out = new ArrayList<>();
        if (rules == null) {
            out.add(new Violation("rules", "must not be null"));
            return out;
        }
        if ((rules.tiers() == null || rules.tiers().isEmpty()) && rules.overrides().isEmpty()) {
            out.add(new Violation("rules.tiers", "must define thresholds for at least one tier"));
        }
        if (rules.tiers() != null) {
            for (Map.Entry<String, PriorityThresholds> e : rules.tiers().entrySet()) {
                if (!e.getKey().matches("[1-4]")) {
                    out.add(new Violation("rules.tiers." + e.getKey(), "tier must be 1, 2, 3 or 4"));
                }
                check(out, "rules.tiers." + e.getKey(), e.getValue());
            }
        }
        rules.overrides().forEach((service, thresholds) -> check(out, "rules.serviceOverrides." + service, thresholds));
        if (rules.borderlineMargin() != null && (rules.borderlineMargin() <= 0 || rules.borderlineMargin() >= 1)) {
            out.add(new Violation("rules.borderlineMargin", "must be between 0 and 1 (exclusive)"));
        }
        return out;
    }

    private static void check(List<Violation> out, String path, PriorityThresholds t) {
        if (t == null) {
            out.add(new Violation(path, "must not be null"));
            return;
        }
        for (Priority p : List.of(Priority.P1, Priority.P2, Priority.P3)) {
            Thresholds th = t.of(p);
            if (th == null) {
                continue;
            }
            String at = path + "." + p.name().toLowerCase();
            if (th.revenueLossPerHour() != null && th.revenueLossPerHour() < 0) {
                out.add(new Violation(at + ".revenueLossPerHour", "must not be negative"));
            }
            if (th.usersAffected() != null && th.usersAffected() < 0) {
                out.add(new Violation(at + ".usersAffected", "must not be negative"));
            }
            if (th.usersAffectedShare() != null && (th.usersAffectedShare() < 0 || th.usersAffectedShare() > 1)) {
                out.add(new Violation(at + ".usersAffectedShare", "must be between 0 and 1"));
            }
        }
        monotone(out, path, t, "revenueLossPerHour", Thresholds::revenueLossPerHour);
        monotone(out, path, t, "usersAffected", th -> th.usersAffected() == null ? null : th.usersAffected().doubleValue());
        monotone(out, path, t, "usersAffectedShare", Thresholds::usersAffectedShare);
    }

    private static void monotone(List<Violation> out, String path, PriorityThresholds t, String fact, Function<Thresholds, Double> get) {
        Double previous = null;
        Priority previousPriority = null;
        for (Priority p : List.of(Priority.P1, Priority.P2, Priority.P3)) {
            Double value = t.of(p) == null ? null : get.apply(t.of(p));
            if (value == null) {
                continue;
            }
            if (previous != null && value > previous) {
                out.add(new Violation(path + "." + p.name().toLowerCase() + "." + fact,
                        "must not exceed the " + previousPriority + " threshold (" + previous + ")"));
            }
            previous = value;
            previousPriority = p;
        }
    }
}
