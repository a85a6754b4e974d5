package io.firebreak.classification.model.policy;

import io.firebreak.events.Priority;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;

/**
 * A classification rule set: numeric thresholds per service tier (1–4), optionally overridden
 * per business service, and qualitative rules that set a minimum priority whatever the numbers.
 *
 * @param tiers                    thresholds by tier ("1"…"4")
 * @param serviceOverrides         thresholds by business-service name, replacing the tier's
 * @param confirmedDataExposure    minimum priority when data exposure is confirmed (null: no rule)
 * @param suspectedDataExposure    minimum priority when data exposure is suspected
 * @param securityBreach           minimum priority of a security breach
 * @param regulatoryExposure       minimum priority when regulators are concerned
 * @param customerFacingOutageTier1 minimum priority when a customer-facing tier-1 service is unavailable
 * @param borderlineMargin         share of a threshold (0–1) from which an unfired rule counts as nearly fired
 */
@RegisterForReflection
public record PolicyRules(
        Map<String, PriorityThresholds> tiers,
        Map<String, PriorityThresholds> serviceOverrides,
        Priority confirmedDataExposure,
        Priority suspectedDataExposure,
        Priority securityBreach,
        Priority regulatoryExposure,
        Priority customerFacingOutageTier1,
        Double borderlineMargin) {

    public static final double DEFAULT_MARGIN = 0.8;

    public double margin() {
        return borderlineMargin == null ? DEFAULT_MARGIN : borderlineMargin;
    }

    public Map<String, PriorityThresholds> overrides() {
        return serviceOverrides == null ? Map.of() : serviceOverrides;
    }
}
