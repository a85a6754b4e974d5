package io.firebreak.classification.persistence;

import java.util.List;
import io.smallrye.mutiny.Uni;
import io.firebreak.classification.model.catalog.BusinessService;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class BusinessServiceRepository implements PanacheRepositoryBase<BusinessService, String> {

    /** The services of these names that exist. */
    public Uni<List<BusinessService>> named(List<String> names) {
        return names.isEmpty() ? Uni.createFrom().item(List.of()) : list("name in ?1", names);
    }

    /** Up to {@code count} services by name after {@code after} ("" for the first). */
    public Uni<List<BusinessService>> after(String after, int count) {
        return find("name > ?1 order by name", after == null ? "" : after).page(0, count).list();
    }
}
