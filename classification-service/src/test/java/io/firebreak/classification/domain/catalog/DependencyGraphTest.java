package io.firebreak.classification.domain.catalog;

import io.firebreak.classification.model.catalog.DependencyKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.classification.domain.catalog.DependencyGraph.Affected;
import io.firebreak.classification.domain.catalog.DependencyGraph.Edge;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

    private static Edge hard(String dependent, String dependency) {
        return new Edge(dependent, dependency, DependencyKind.HARD);
    }

    private static Edge soft(String dependent, String dependency) {
        return new Edge(dependent, dependency, DependencyKind.SOFT);
    }

    @Test
    void failureReachesEveryTransitiveDependentWithItsPath() {
        // checkout → payments → card-gateway; storefront → checkout
        DependencyGraph graph = new DependencyGraph(List.of(hard("checkout", "payments"), hard("payments", "card-gateway"),
                hard("storefront", "checkout")));
        List<Affected> affected = graph.affectedBy("card-gateway");
        assertThat(affected).extracting(Affected::service).containsExactly("payments", "checkout", "storefront");
        assertThat(affected.get(2).path()).containsExactly("card-gateway", "payments", "checkout", "storefront");
        assertThat(affected).allMatch(a -> a.kind() == DependencyKind.HARD);
    }

    @Test
    void aServiceReachedOnlyThroughASoftEdgeIsSoft() {
        DependencyGraph graph = new DependencyGraph(List.of(hard("checkout", "payments"), soft("recommendations", "checkout")));
        List<Affected> affected = graph.affectedBy("payments");
        assertThat(affected).extracting(Affected::service, Affected::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("checkout", DependencyKind.HARD),
                org.assertj.core.groups.Tuple.tuple("recommendations", DependencyKind.SOFT));
    }

    @Test
    void aHardPathWinsOverAShorterSoftOne() {
        DependencyGraph graph = new DependencyGraph(List.of(soft("c", "a"), hard("b", "a"), hard("c", "b")));
        Affected c = graph.affectedBy("a").stream().filter(x -> x.service().equals("c")).findFirst().orElseThrow();
        assertThat(c.kind()).isEqualTo(DependencyKind.HARD);
        assertThat(c.path()).containsExactly("a", "b", "c");
    }

    @Test
    void cyclesTerminateAndNeverListTheFailedServiceItself() {
        DependencyGraph graph = new DependencyGraph(List.of(hard("a", "b"), hard("b", "c"), hard("c", "a"), soft("a", "a")));
        assertThat(graph.affectedBy("a")).extracting(Affected::service).containsExactlyInAnyOrder("b", "c");
    }

    @Test
    void aServiceNobodyDependsOnAffectsNobody() {
        assertThat(new DependencyGraph(List.of(hard("a", "b"))).affectedBy("a")).isEmpty();
        assertThat(new DependencyGraph(List.of()).affectedBy("unknown")).isEmpty();
    }

    @Test
    void denseCyclicCatalogOfFiveThousandServicesIsTraversedCompletely() {
        Random random = new Random(42);
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            int a = random.nextInt(5_000);
            int b = random.nextInt(5_000);
            edges.add(new Edge("s" + a, "s" + b, random.nextBoolean() ? DependencyKind.HARD : DependencyKind.SOFT));
        }
        List<Affected> affected = new DependencyGraph(edges).affectedBy("s0");
        assertThat(affected).isNotEmpty().doesNotHaveDuplicates();
        assertThat(affected).allSatisfy(a -> {
            assertThat(a.path().get(0)).isEqualTo("s0");
            assertThat(a.path().get(a.path().size() - 1)).isEqualTo(a.service());
            assertThat(a.path()).hasSize(a.distance() + 1);
        });
    }
}
