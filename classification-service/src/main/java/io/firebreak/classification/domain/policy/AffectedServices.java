package io.firebreak.classification.domain.policy;

import io.firebreak.classification.model.policy.PolicyRules;
import io.firebreak.classification.model.policy.PriorityThresholds;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Which services a new policy version changes, so whose owners must sign it off: every service
 * with an override that differs from the active policy's, and every service of a tier whose
 * thresholds differ (all services when no policy was ever active) — unless an unchanged override
 * shields it.
 */
public final class AffectedServices {

    private AffectedServices() {
    }

    /**
     * @param proposed  the version to sign off
     * @param active    the active version's rules, or null
     * @param catalog   every catalog service and its tier
     */
    public static List<String> of(PolicyRules proposed, PolicyRules active, Map<String, Integer> catalog) {
        TreeSet<String> affected = new TreeSet<>();
        for (Map.Entry<String, Integer> service : catalog.entrySet()) {
            String name = service.getKey();
            PriorityThresholds now = active == null ? null : effective(active, name, service.getValue());
            PriorityThresholds next = effective(proposed, name, service.getValue());
            boolean qualitativeChanged = active == null || !sameQualitative(active, proposed);
            if (active == null || !Objects.equals(now, next) || qualitativeChanged) {
                affected.add(name);
            }
        }
        return List.copyOf(affected);
    }

    /** The thresholds the evaluator uses for the service: its tier's, with its override laid over them. */
    private static PriorityThresholds effective(PolicyRules rules, String service, int tier) {
        PriorityThresholds override = rules.overrides().get(service);
        PriorityThresholds tierThresholds = rules.tiers() == null ? null : rules.tiers().get(String.valueOf(tier));
        return tierThresholds == null ? override : tierThresholds.overriddenBy(override);
    }

    private static boolean sameQualitative(PolicyRules a, PolicyRules b) {
        return a.confirmedDataExposure() == b.confirmedDataExposure() && a.suspectedDataExposure() == b.suspectedDataExposure()
                && a.securityBreach() == b.securityBreach() && a.regulatoryExposure() == b.regulatoryExposure()
                && a.customerFacingOutageTier1() == b.customerFacingOutageTier1() && a.margin() == b.margin();
    }
}
