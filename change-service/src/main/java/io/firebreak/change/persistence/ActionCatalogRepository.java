package io.firebreak.change.persistence;

import io.firebreak.change.model.ActionCatalogVersion;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The versions of the pre-authorised action catalog. */
@ApplicationScoped
@WithSession
public class ActionCatalogRepository {

    public Uni<ActionCatalogVersion> current() {
        return Panache.getSession().chain(s -> s.createQuery("from ActionCatalogVersion order by version desc", ActionCatalogVersion.class)
                .setMaxResults(1).getResultList()).map(l -> l.isEmpty() ? null : l.get(0));
    }

    public Uni<ActionCatalogVersion> version(int version) {
        return Panache.getSession().chain(s -> s.find(ActionCatalogVersion.class, version));
    }

    public Uni<List<ActionCatalogVersion>> history() {
        return Panache.getSession().chain(s -> s.createQuery("from ActionCatalogVersion order by version desc", ActionCatalogVersion.class)
                .getResultList());
    }

    public Uni<ActionCatalogVersion> persist(ActionCatalogVersion v) {
        return Panache.getSession().chain(s -> s.persist(v)).replaceWith(v);
    }
}
