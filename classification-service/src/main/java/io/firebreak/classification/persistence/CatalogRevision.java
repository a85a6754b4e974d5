package io.firebreak.classification.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/** A counter every catalog change bumps in its own transaction, so replicas can tell when their cached graph is stale. */
@ApplicationScoped
public class CatalogRevision {

    private final Pool pool;

    public CatalogRevision(Pool pool) {
        this.pool = pool;
    }

    /** Inside the changing transaction. */
    public Uni<Void> bump() {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "update classification.catalog_revision set revision = revision + 1 where id = 1").executeUpdate()).replaceWithVoid();
    }

    public Uni<Long> current() {
        return pool.query("select revision from classification.catalog_revision where id = 1").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
