package io.firebreak.classification.persistence;

import io.firebreak.classification.model.ClassificationDecision;
import io.firebreak.classification.model.DecisionKind;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class DecisionRepository implements PanacheRepositoryBase<ClassificationDecision, java.util.UUID> {

    public Uni<List<ClassificationDecision>> history(UUID incidentId) {
        return list("incidentId", Sort.ascending("decidedAt"), incidentId);
    }

    /** The declaring decision (manual or automatic) of each of these incidents. */
    public Uni<List<ClassificationDecision>> declarations(List<UUID> incidentIds) {
        return list("incidentId in ?1 and kind in ?2", incidentIds, List.of(DecisionKind.DECLARED, DecisionKind.AUTO_DECLARED));
    }
}
