package io.firebreak.classification.persistence;

import java.util.List;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.firebreak.classification.model.catalog.SlaChange;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class SlaChangeRepository implements PanacheRepositoryBase<SlaChange, java.util.UUID> {

    /** The service's active SLA change, if any. */
    public Uni<SlaChange> active(String service) {
        return find("service = ?1 and status = ?2", service, SlaChange.Status.ACTIVE).firstResult();
    }

    /** Marks the service's active SLA change superseded (before another becomes active). */
    public Uni<Integer> supersedeActive(String service) {
        return update("status = ?1 where service = ?2 and status = ?3", SlaChange.Status.SUPERSEDED, service,
                SlaChange.Status.ACTIVE);
    }

    /** The service's SLA proposals, newest first. */
    public Uni<List<SlaChange>> of(String service) {
        return list("service", Sort.descending("proposedAt"), service);
    }
}
