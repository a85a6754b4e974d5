package io.firebreak.comms.persistence;

import io.firebreak.comms.model.Incident;
import io.firebreak.comms.model.RoleHolder;
import io.quarkus.hibernate.reactive.panache.Panache;
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

    /** Who holds {@code role} of the incident now. */
    public Uni<List<RoleHolder>> holders(UUID incidentId, String role) {
        return Panache.getSession().chain(s -> s.createQuery("from RoleHolder where incidentId = ?1 and role = ?2 order by since",
                RoleHolder.class).setParameter(1, incidentId).setParameter(2, role).getResultList());
    }

    public Uni<RoleHolder> holder(UUID assignmentId) {
        return Panache.getSession().chain(s -> s.find(RoleHolder.class, assignmentId));
    }

    public Uni<Void> persistHolder(RoleHolder holder) {
        return Panache.getSession().chain(s -> s.persist(holder));
    }

    public Uni<Void> removeHolder(RoleHolder holder) {
        return Panache.getSession().chain(s -> s.remove(holder));
    }

    /** Real incidents not yet resolved (drills never reach the public or the press). */
    public Uni<List<Incident>> active() {
        return list("responseStatus not in ('RESOLVED', 'CLOSED') and drill = false order by declaredAt");
    }
}
