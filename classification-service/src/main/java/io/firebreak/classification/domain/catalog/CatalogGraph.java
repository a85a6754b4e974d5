package io.firebreak.classification.domain.catalog;

import io.firebreak.classification.model.catalog.DependencyKind;
import io.firebreak.classification.persistence.CatalogRevision;
import io.firebreak.classification.persistence.CatalogSnapshotReader;
import io.firebreak.classification.persistence.CatalogSnapshotReader.Owners;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
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

    private final CatalogSnapshotReader reader;
    private final CatalogRevision revision;
    private volatile Snapshot snapshot = new Snapshot(-1, new DependencyGraph(List.of()), Map.of());

    public CatalogGraph(CatalogSnapshotReader reader, CatalogRevision revision) {
        this.reader = reader;
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
        return reader.read().map(read -> {
            Snapshot loaded = new Snapshot(rev, new DependencyGraph(read.edges().stream()
                    .map(e -> new DependencyGraph.Edge(e.dependent(), e.dependency(), e.kind())).toList()), read.owners());
            snapshot = loaded;
            return loaded;
        });
    }
}
