package io.firebreak.comms.persistence;

import io.firebreak.comms.model.Incident;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class IncidentRepository implements PanacheRepositoryBase<Incident, UUID> {

    /** The incident locked until the transaction ends: status versions of one incident are numbered one at a time. */
    public Uni<Incident> locked(UUID incidentId) {
        return findById(incidentId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Real incidents not yet resolved (drills never reach the public or the press). */
    public Uni<List<Incident>> active() {
        return list("responseStatus not in ('RESOLVED', 'CLOSED') and drill = false order by declaredAt");
    }
}
