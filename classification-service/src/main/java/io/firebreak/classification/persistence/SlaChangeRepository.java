package io.firebreak.classification.persistence;

import io.firebreak.classification.domain.catalog.SlaChange;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class SlaChangeRepository implements PanacheRepositoryBase<SlaChange, java.util.UUID> {
}
