package io.firebreak.response.persistence.paging;

import io.firebreak.response.model.paging.Escalation;
import io.firebreak.response.model.paging.EscalationStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class EscalationRepository implements PanacheRepositoryBase<Escalation, UUID> {

    public Uni<List<Escalation>> of(UUID incidentId) {
        return list("incidentId = ?1 order by createdAt, id", incidentId);
    }

    public Uni<List<Escalation>> active(UUID incidentId) {
        return list("incidentId = ?1 and status = ?2 order by createdAt, id", incidentId, EscalationStatus.ACTIVE);
    }
}
