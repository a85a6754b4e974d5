package io.firebreak.classification.domain.catalog;

import com.fasterxml.jackson.core.type.TypeReference;
import io.firebreak.classification.persistence.CatalogRevision;
import io.firebreak.classification.persistence.Json;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The dependency graph and service owners in memory, rebuilt only when the catalog revision moved
 * (every replica compares with the database's revision, one cheap query per request), so impact
 * questions on a large catalog are answered from memory.
 */
@ApplicationScoped
public class CatalogGraph {

    private record Snapshot(long revision, DependencyGraph graph, Map<String, Owners> owners) {
    }

    private record Owners(String team, List<String> owners) {
    }

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final Pool pool;
    private final CatalogRevision revision;
    private volatile Snapshot snapshot = new Snapshot(-1, new DependencyGraph(List.of()), Map.of());

    public CatalogGraph(Pool pool, CatalogRevision revision) {
        this.pool = pool;
        this.revision = revision;
    }

    public Uni<ImpactAnalysis> impactOf(String service) {
        return current().map(s -> {
            List<ImpactAnalysis.AffectedService> affected = new ArrayList<>();
            TreeSet<String> teams = new TreeSet<>();
            TreeSet<String> owners = new TreeSet<>();
            Owners failed = s.owners().get(service);
            if (failed != null) {
                teams.add(failed.team());
                owners.addAll(failed.owners());
            }
            for (DependencyGraph.Affected a : s.graph().affectedBy(service)) {
                Owners o = s.owners().getOrDefault(a.service(), new Owners(null, List.of()));
                affected.add(new ImpactAnalysis.AffectedService(a.service(), a.path(), a.kind(), a.distance(), o.team(), o.owners()));
                if (o.team() != null) {
                    teams.add(o.team());
                }
                owners.addAll(o.owners());
            }
            return new ImpactAnalysis(service, affected, new ResponsibleParties(List.copyOf(teams), List.copyOf(owners)));
        });
    }

    private Uni<Snapshot> current() {
        return revision.current().chain(rev -> rev == snapshot.revision() ? Uni.createFrom().item(snapshot) : load(rev));
    }

    private Uni<Snapshot> load(long rev) {
        Uni<List<DependencyGraph.Edge>> edges = pool.query("select dependent, dependency, kind from classification.service_dependency")
                .execute().map(rows -> {
                    List<DependencyGraph.Edge> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new DependencyGraph.Edge(r.getString(0), r.getString(1),
                            DependencyKind.valueOf(r.getString(2)))));
                    return list;
                });
        Uni<Map<String, Owners>> owners = pool.query("select name, owning_team, owners from classification.business_service")
                .execute().map(rows -> {
                    Map<String, Owners> map = new HashMap<>();
                    rows.forEach(r -> map.put(r.getString(0), new Owners(r.getString(1), Json.read(r.getString(2), STRINGS))));
                    return map;
                });
        return Uni.combine().all().unis(edges, owners).asTuple().map(t -> {
            Snapshot loaded = new Snapshot(rev, new DependencyGraph(t.getItem1()), t.getItem2());
            snapshot = loaded;
            return loaded;
        });
    }
}
