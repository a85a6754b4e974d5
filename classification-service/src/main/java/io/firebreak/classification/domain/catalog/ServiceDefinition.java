package io.firebreak.classification.domain.catalog;

import io.firebreak.classification.model.catalog.SlaTarget;
import io.firebreak.classification.model.policy.ImpactFacts;
import io.firebreak.events.Priority;
import java.util.List;
import java.util.Map;

/** A validated service description, as the domain receives it. */
public record ServiceDefinition(String name, String description, int tier, String owningTeam, List<String> owners,
                                boolean customerFacing, boolean regulated, String onCallTeam, Long usersTotal,
                                Map<Priority, SlaTarget> sla, ImpactFacts defaultImpact) {
}
