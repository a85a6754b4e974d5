package io.firebreak.change.domain.changes;

import io.firebreak.change.model.RollbackPlan;
import java.util.Map;
import java.util.UUID;

/**
 * What a requester asks for: an action of the catalog on a target service, why and what is expected, the risk, how
 * to roll it back, and the confirmed triage finding it answers. {@code alignmentOverride} is a change approver's
 * written justification for a change whose target the finding does not point at.
 */
public record ChangeRequest(String targetService, String action, Map<String, String> parameters, String description, String expectedEffect,
                            String risk, RollbackPlan rollbackPlan, UUID findingId, String alignmentOverride) {
}
