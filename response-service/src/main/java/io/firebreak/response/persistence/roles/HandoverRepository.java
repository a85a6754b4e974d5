package io.firebreak.response.persistence.roles;

import io.firebreak.response.model.roles.Handover;
import io.firebreak.response.model.roles.HandoverStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class HandoverRepository implements PanacheRepositoryBase<Handover, UUID> {

    public Uni<List<Handover>> of(UUID incidentId) {
        return list("incidentId = ?1 order by offeredAt, id", incidentId);
    }

    /** The open handover of a held assignment, if any. */
    public Uni<Handover> openFor(UUID assignmentId) {
        return find("fromAssignmentId = ?1 and status = ?2", assignmentId, HandoverStatus.OFFERED).firstResult();
    }
}
