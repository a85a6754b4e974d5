package io.firebreak.classification.persistence;

import io.firebreak.classification.domain.catalog.ServiceDependency;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class ServiceDependencyRepository implements PanacheRepositoryBase<ServiceDependency, ServiceDependency.Key> {
}
