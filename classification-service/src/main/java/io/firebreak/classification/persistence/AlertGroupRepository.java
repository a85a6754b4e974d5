package io.firebreak.classification.persistence;

import io.firebreak.classification.domain.intake.AlertGroup;
import io.smallrye.mutiny.Uni;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class AlertGroupRepository implements PanacheRepositoryBase<AlertGroup, java.util.UUID> {

    public Uni<AlertGroup> open(String service, String dedupKey) {
        return find("service = ?1 and dedupKey = ?2 and status <> ?3", service, dedupKey, AlertGroup.Status.RESOLVED).firstResult();
    }
}
