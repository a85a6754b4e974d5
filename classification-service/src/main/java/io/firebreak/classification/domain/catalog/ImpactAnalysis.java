package io.firebreak.classification.domain.catalog;

import io.firebreak.classification.model.catalog.DependencyKind;
import java.util.List;

/** Everything transitively affected when {@code service} fails, and who is responsible. */
public record ImpactAnalysis(String service, List<AffectedService> affected, ResponsibleParties responsibleParties) {

    /** One affected service with the dependency path from the failed one and its owners. */
    public record AffectedService(String service, List<String> path, DependencyKind kind, int distance,
                                  String owningTeam, List<String> owners) {
    }
}
