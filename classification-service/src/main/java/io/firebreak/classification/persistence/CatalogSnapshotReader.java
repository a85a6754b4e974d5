package io.firebreak.classification.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import io.firebreak.classification.model.catalog.DependencyKind;
import io.firebreak.platform.persistence.JsonColumn;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole catalog's graph in two plain queries (edges, and each service's owners), read outside
 * any ORM session: the in-memory graph is rebuilt from it only when the catalog revision moved.
 */
@ApplicationScoped
public class CatalogSnapshotReader {

    /** One dependency edge: {@code dependent} needs {@code dependency}. */
    public record Edge(String dependent, String dependency, DependencyKind kind) {
    }

    /** Who answers for a service. */
    public record Owners(String team, List<String> owners) {
    }

    /** Edges and owners as read together. */
    public record Snapshot(List<Edge> edges, Map<String, Owners> owners) {
    }

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final Pool pool;

    public CatalogSnapshotReader(Pool pool) {
        this.pool = pool;
    }

    public Uni<Snapshot> read() {
        Uni<List<Edge>> edges = pool.query("select dependent, dependency, kind from classification.service_dependency")
                .execute().map(rows -> {
                    List<Edge> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new Edge(r.getString(0), r.getString(1), DependencyKind.valueOf(r.getString(2)))));
                    return list;
                });
        Uni<Map<String, Owners>> owners = pool.query("select name, owning_team, owners from classification.business_service")
                .execute().map(rows -> {
                    Map<String, Owners> map = new HashMap<>();
                    rows.forEach(r -> map.put(r.getString(0), new Owners(r.getString(1), JsonColumn.read(r.getString(2), STRINGS))));
                    return map;
                });
        return Uni.combine().all().unis(edges, owners).asTuple().map(t -> new Snapshot(t.getItem1(), t.getItem2()));
    }
}
