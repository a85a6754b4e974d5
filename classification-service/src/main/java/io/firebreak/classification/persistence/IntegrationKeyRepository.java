package io.firebreak.classification.persistence;

import io.firebreak.classification.domain.intake.IntegrationKey;
import io.smallrye.mutiny.Uni;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class IntegrationKeyRepository implements PanacheRepositoryBase<IntegrationKey, java.util.UUID> {

    public Uni<IntegrationKey> activeByHash(String hash) {
        return find("keyHash = ?1 and status = ?2", hash, IntegrationKey.Status.ACTIVE).firstResult();
    }
}
