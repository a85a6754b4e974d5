package io.firebreak.response.persistence.paging;

import io.firebreak.response.model.paging.IncidentPaging;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class IncidentPagingRepository implements PanacheRepositoryBase<IncidentPaging, UUID> {

    /** The row locked until the transaction ends: acknowledgements, escalations and priority changes queue on it. */
    public Uni<IncidentPaging> locked(UUID incidentId) {
        return findById(incidentId, LockModeType.PESSIMISTIC_WRITE);
    }
}
