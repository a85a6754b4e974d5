package io.firebreak.classification.api;

import io.firebreak.classification.model.catalog.BusinessService;
import io.firebreak.classification.model.catalog.SlaTarget;
import io.firebreak.classification.model.policy.ImpactFacts;
import io.firebreak.events.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A business service as the API shows it; {@code sla} is the active (signed-off) SLA. */
public record ServiceView(String name, String description, int tier, String owningTeam, List<String> owners,
                          boolean customerFacing, boolean regulated, String onCallTeam, Long usersTotal,
                          Map<Priority, SlaTarget> sla, ImpactFacts defaultImpact, Instant createdAt, Instant updatedAt) {

    static ServiceView of(BusinessService s) {
        return new ServiceView(s.name, s.description, s.tier, s.owningTeam, s.owners, s.customerFacing, s.regulated,
                s.onCallTeam, s.usersTotal, s.sla, s.defaultImpact, s.createdAt, s.updatedAt);
    }
}
