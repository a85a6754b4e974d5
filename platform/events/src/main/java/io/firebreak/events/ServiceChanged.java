package io.firebreak.events;

import java.time.Instant;
import java.util.List;

/**
 * Data of {@value EventTypes#SERVICE_REGISTERED} and {@value EventTypes#SERVICE_UPDATED}: a business
 * service of the catalog as it now is. Subject and key: the service name.
 *
 * @param dependsOn the services this one depends on directly, as the catalog now lists them (absent from senders
 *                  before 0.4; empty after deregistration)
 * @param sla       the signed-off SLA per priority (P1 … P4): minutes to acknowledge and to resolve (absent before 0.6)
 */
public record ServiceChanged(String name, int tier, String owningTeam, List<String> owners, boolean customerFacing,
                             boolean regulated, @OptionalField String onCallTeam, String change, String changedBy, Instant changedAt,
                             @OptionalField List<String> dependsOn, @OptionalField java.util.Map<String, Sla> sla) {

    /** A priority's SLA: minutes to acknowledge and to resolve. */
    public record Sla(int acknowledgeMinutes, int resolveMinutes) {
    }

    /** Without the SLA (the 0.4 / 0.5 shape). */
    public ServiceChanged(String name, int tier, String owningTeam, List<String> owners, boolean customerFacing, boolean regulated,
                          String onCallTeam, String change, String changedBy, Instant changedAt, List<String> dependsOn) {
        this(name, tier, owningTeam, owners, customerFacing, regulated, onCallTeam, change, changedBy, changedAt, dependsOn, null);
    }

    /** Without the dependencies (the shape before 0.4). */
    public ServiceChanged(String name, int tier, String owningTeam, List<String> owners, boolean customerFacing, boolean regulated,
                          String onCallTeam, String change, String changedBy, Instant changedAt) {
        this(name, tier, owningTeam, owners, customerFacing, regulated, onCallTeam, change, changedBy, changedAt, null, null);
    }
}
