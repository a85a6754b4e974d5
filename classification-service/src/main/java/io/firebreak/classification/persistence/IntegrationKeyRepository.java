package io.firebreak.classification.persistence;

import io.firebreak.classification.model.intake.IntegrationKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
@WithSession
public class IntegrationKeyRepository implements PanacheRepositoryBase<IntegrationKey, java.util.UUID> {

    public Uni<IntegrationKey> activeByHash(String hash) {
        return find("keyHash = ?1 and status = ?2", hash, IntegrationKey.Status.ACTIVE).firstResult();
    }

    /** A service's keys, newest first. */
    public Uni<List<IntegrationKey>> of(String service) {
        return list("service", Sort.descending("createdAt"), service);
    }
}
