package io.firebreak.classification.domain.audit;

import io.firebreak.classification.domain.policy.PolicyEvaluator;
import io.firebreak.classification.model.policy.PolicyRules;
import io.firebreak.classification.model.policy.PriorityThresholds;
import io.firebreak.classification.model.policy.Thresholds;
import io.firebreak.events.Priority;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Computes classification accuracy and threshold suggestions. Pure. */
public final class AccuracyAudit {

    private static final List<String> FACTS = List.of("revenueLossPerHour", "usersAffected", "usersAffectedShare");

    private AccuracyAudit() {
    }

    public static AccuracyReport report(List<AuditCase> cases, Map<Integer, PolicyRules> rulesByVersion) {
        Map<String, List<AuditCase>> byVersion = group(cases, c -> c.policyVersion() == null ? "none" : String.valueOf(c.policyVersion()));
        Map<String, List<AuditCase>> byService = group(cases, AuditCase::service);
        Map<String, AccuracyReport.Matrix> versions = new TreeMap<>();
        byVersion.forEach((k, v) -> versions.put(k, matrix(v)));
        Map<String, AccuracyReport.Matrix> services = new TreeMap<>();
        byService.forEach((k, v) -> services.put(k, matrix(v)));
        int changed = (int) cases.stream().filter(c -> c.initial() != c.finalPriority()).count();
        return new AccuracyReport(cases.size(), changed, matrix(cases), versions, services, suggestions(cases, rulesByVersion));
    }

    static AccuracyReport.Matrix matrix(List<AuditCase> cases) {
        Map<Priority, Map<Priority, Integer>> counts = new EnumMap<>(Priority.class);
        for (Priority row : Priority.values()) {
            Map<Priority, Integer> cols = new EnumMap<>(Priority.class);
            for (Priority col : Priority.values()) {
                cols.put(col, 0);
            }
            counts.put(row, cols);
        }
        int over = 0;
        int under = 0;
        for (AuditCase c : cases) {
            counts.get(c.initial()).merge(c.finalPriority(), 1, Integer::sum);
            over += c.over() ? 1 : 0;
            under += c.under() ? 1 : 0;
        }
        int total = cases.size();
        return new AccuracyReport.Matrix(counts, total, share(over, total), share(under, total),
                share(total - over - under, total));
    }

    private static List<AccuracyReport.Suggestion> suggestions(List<AuditCase> cases, Map<Integer, PolicyRules> rulesByVersion) {
        // Key: version|scope|priority|fact|direction → the incidents and their measured values.
        Map<String, List<AuditCase>> moves = new LinkedHashMap<>();
        Map<String, List<Double>> values = new HashMap<>();
        for (AuditCase c : cases) {
            if (c.policyVersion() == null || c.initial() == c.finalPriority() || !rulesByVersion.containsKey(c.policyVersion())) {
                continue;
            }
            PolicyRules rules = rulesByVersion.get(c.policyVersion());
            String scope = scope(rules, c);
            PriorityThresholds thresholds = thresholds(rules, c);
            if (thresholds == null) {
                continue;
            }
            for (String fact : FACTS) {
                Double measured = measured(c, fact);
                if (measured == null) {
                    continue;
                }
                if (c.under() && c.finalPriority() != Priority.P4) {
                    Double t = value(thresholds.of(c.finalPriority()), fact);
                    if (t != null && measured < t) {
                        add(moves, values, c.policyVersion() + "|" + scope + "|" + c.finalPriority() + "|" + fact + "|LOWER", c, measured);
                    }
                } else if (c.over()) {
                    Double t = value(thresholds.of(c.initial()), fact);
                    if (t != null && measured >= t) {
                        add(moves, values, c.policyVersion() + "|" + scope + "|" + c.initial() + "|" + fact + "|RAISE", c, measured);
                    }
                }
            }
        }
        List<AccuracyReport.Suggestion> out = new ArrayList<>();
        moves.forEach((key, incidents) -> {
            String[] k = key.split("\\|");
            int version = Integer.parseInt(k[0]);
            Priority priority = Priority.valueOf(k[2]);
            boolean lower = k[4].equals("LOWER");
            List<Double> v = values.get(key);
            double suggested = lower ? v.stream().min(Double::compare).orElseThrow() : v.stream().max(Double::compare).orElseThrow();
            PolicyRules rules = rulesByVersion.get(version);
            AuditCase sample = incidents.get(0);
            Double current = value(thresholds(rules, sample).of(priority), k[3]);
            PolicyRules moved = withThreshold(rules, k[1], priority, k[3], lower ? suggested : Math.nextUp(suggested));
            List<AuditCase> ofVersion = cases.stream().filter(c -> Integer.valueOf(version).equals(c.policyVersion())).toList();
            out.add(new AccuracyReport.Suggestion(version, k[1], priority, k[3], k[4], current, suggested,
                    incidents.stream().map(AuditCase::incidentKey).toList(), correct(ofVersion, rules), correct(ofVersion, moved)));
        });
        return out;
    }

    private static int correct(List<AuditCase> cases, PolicyRules rules) {
        int n = 0;
        for (AuditCase c : cases) {
            if (PolicyEvaluator.evaluate(rules, null, c.service(), c.tier(), c.facts()).priority() == c.finalPriority()) {
                n++;
            }
        }
        return n;
    }

    private static PolicyRules withThreshold(PolicyRules rules, String scope, Priority priority, String fact, double value) {
        boolean service = scope.startsWith("service ");
        String name = scope.substring(scope.indexOf(' ') + 1);
        Map<String, PriorityThresholds> tiers = new HashMap<>(rules.tiers() == null ? Map.of() : rules.tiers());
        Map<String, PriorityThresholds> overrides = new HashMap<>(rules.overrides());
        Map<String, PriorityThresholds> target = service ? overrides : tiers;
        PriorityThresholds pt = target.get(name);
        Thresholds t = pt.of(priority);
        Thresholds changed = new Thresholds(
                fact.equals("revenueLossPerHour") ? Double.valueOf(value) : t.revenueLossPerHour(),
                fact.equals("usersAffected") ? Long.valueOf((long) Math.ceil(value)) : t.usersAffected(),
                fact.equals("usersAffectedShare") ? Double.valueOf(value) : t.usersAffectedShare());
        target.put(name, new PriorityThresholds(priority == Priority.P1 ? changed : pt.p1(), priority == Priority.P2 ? changed : pt.p2(),
                priority == Priority.P3 ? changed : pt.p3()));
        return new PolicyRules(tiers, overrides, rules.confirmedDataExposure(), rules.suspectedDataExposure(), rules.securityBreach(),
                rules.regulatoryExposure(), rules.customerFacingOutageTier1(), rules.borderlineMargin());
    }

    private static PriorityThresholds thresholds(PolicyRules rules, AuditCase c) {
        PriorityThresholds override = rules.overrides().get(c.service());
        return override != null ? override : rules.tiers() == null ? null : rules.tiers().get(String.valueOf(c.tier()));
    }

    private static String scope(PolicyRules rules, AuditCase c) {
        return rules.overrides().containsKey(c.service()) ? "service " + c.service() : "tier " + c.tier();
    }

    private static Double measured(AuditCase c, String fact) {
        if (c.facts() == null) {
            return null;
        }
        return switch (fact) {
            case "revenueLossPerHour" -> c.facts().revenueLossPerHour();
            case "usersAffected" -> c.facts().usersAffected() == null ? null : c.facts().usersAffected().doubleValue();
            default -> c.facts().usersAffectedShare();
        };
    }

    private static Double value(Thresholds t, String fact) {
        if (t == null) {
            return null;
        }
        return switch (fact) {
            case "revenueLossPerHour" -> t.revenueLossPerHour();
            case "usersAffected" -> t.usersAffected() == null ? null : t.usersAffected().doubleValue();
            default -> t.usersAffectedShare();
        };
    }

    private static void add(Map<String, List<AuditCase>> moves, Map<String, List<Double>> values, String key, AuditCase c, double v) {
        moves.computeIfAbsent(key, x -> new ArrayList<>()).add(c);
        values.computeIfAbsent(key, x -> new ArrayList<>()).add(v);
    }

    private static Map<String, List<AuditCase>> group(List<AuditCase> cases, Function<AuditCase, String> key) {
        Map<String, List<AuditCase>> out = new LinkedHashMap<>();
        cases.forEach(c -> out.computeIfAbsent(key.apply(c), x -> new ArrayList<>()).add(c));
        return out;
    }

    private static double share(int part, int total) {
        return total == 0 ? 0 : Math.round(part * 10_000.0 / total) / 10_000.0;
    }
}
