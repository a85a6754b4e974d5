package io.firebreak.classification.domain.audit;

import io.firebreak.classification.model.policy.ImpactFacts;
import io.firebreak.events.Priority;

/** One incident as the accuracy audit sees it: how it was classified at declaration and what it turned out to be. */
public record AuditCase(String incidentKey, String service, int tier, Integer policyVersion, Priority initial,
                        Priority finalPriority, ImpactFacts facts) {

    public boolean over() {
        return initial.ordinal() < finalPriority.ordinal();
    }

    public boolean under() {
        return initial.ordinal() > finalPriority.ordinal();
    }
}
