package io.firebreak.change.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlignmentTest {

    // checkout depends on payments, payments on ledger; search stands alone.
    private static final Map<String, List<String>> GRAPH = Map.of("checkout", List.of("payments"), "payments", List.of("ledger"),
            "ledger", List.of("checkout"));

    @Test
    void aFindingOnTheTargetOrOnAServiceThatDependsOnItAlignsTheChange() {
        assertThat(Alignment.mismatch("payments", "payments", GRAPH)).isNull();
        assertThat(Alignment.mismatch("checkout", "ledger", GRAPH)).as("checkout depends on ledger through payments").isNull();
    }

    @Test
    void aFindingElsewhereIsAMismatchExplained() {
        assertThat(Alignment.mismatch("search", "payments", GRAPH)).isEqualTo("The finding points at search, which neither is payments nor depends on it");
        assertThat(Alignment.mismatch(" ", "payments", GRAPH)).contains("names no affected component");
        // A cycle in the catalog does not loop forever.
        assertThat(Alignment.mismatch("ledger", "search", GRAPH)).isNotNull();
    }
}
