package io.firebreak.comms.persistence;

import io.firebreak.comms.model.ExecNotification;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class ExecNotificationRepository implements PanacheRepositoryBase<ExecNotification, UUID> {

    public Uni<List<ExecNotification>> ofIncident(UUID incidentId) {
        return list("incidentId = ?1 order by firedAt, rule", incidentId);
    }

    public Uni<ExecNotification> of(UUID incidentId, String rule) {
        return find("incidentId = ?1 and rule = ?2", incidentId, rule).firstResult();
    }

    /** Across incidents, in one state (all when null), newest firing first. */
    public Uni<List<ExecNotification>> inState(ExecNotification.State state, int limit) {
        return (state == null ? find("order by firedAt desc") : find("state = ?1 order by firedAt desc", state)).page(0, limit).list();
    }
}
