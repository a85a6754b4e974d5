package io.firebreak.classification.persistence;

import java.util.List;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.firebreak.classification.model.catalog.ServiceDependency;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class ServiceDependencyRepository implements PanacheRepositoryBase<ServiceDependency, ServiceDependency.Key> {

    /** Removes every edge from {@code dependent}. */
    public Uni<Long> deleteOf(String dependent) {
        return delete("dependent", dependent);
    }

    /** Removes every edge onto {@code dependency}. */
    public Uni<Long> deleteOnto(String dependency) {
        return delete("dependency", dependency);
    }

    /** What {@code dependent} depends on, by dependency name. */
    public Uni<List<ServiceDependency>> of(String dependent) {
        return list("dependent", Sort.ascending("dependency"), dependent);
    }
}
