package io.firebreak.metrics.model.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RollupChangesTest {

    private static final Instant DECLARED = Instant.parse("2023-05-17T22:30:00Z");

    private static Contribution counted(String priority, Long mtta) {
        return Contribution.of(DECLARED, "checkout", priority, false, true, Set.of(), mtta, 3600L, null);
    }

    private static RollupCell day(RollupChanges changes, String dimension, String value) {
        return changes.nonZero().get(new RollupKey(dimension, value, 0, LocalDate.parse("2023-05-17").toEpochDay()));
    }

    @Test
    void aNewIncidentAddsToItsServiceItsPriorityAndAllAtEveryLevel() {
        RollupChanges changes = new RollupChanges();
        changes.change(null, counted("P1", 300L));
        long day = LocalDate.parse("2023-05-17").toEpochDay();
        assertThat(changes.nonZero()).hasSize(3 * Blocks.LEVELS);
        for (int level = 0; level < Blocks.LEVELS; level++) {
            long block = day >> level;
            assertThat(changes.nonZero()).containsKeys(new RollupKey(RollupKey.SERVICE, "checkout", level, block),
                    new RollupKey(RollupKey.PRIORITY, "P1", level, block), new RollupKey(RollupKey.ALL, "", level, block));
        }
        RollupCell day0 = day(changes, RollupKey.SERVICE, "checkout");
        assertThat(day0.counted).isEqualTo(1);
        assertThat(day0.mtta.json()).isEqualTo("{\"" + LogHistogram.bucket(300) + "\": 1}");
        assertThat(day0.mtte.count).isZero();
    }

    @Test
    void aFigureThatChangesMovesTheIncidentBetweenBucketsAndKeepsTheCount() {
        RollupChanges changes = new RollupChanges();
        changes.change(counted("P1", 300L), counted("P1", 240L));
        RollupCell day = day(changes, RollupKey.SERVICE, "checkout");
        assertThat(day.counted).isZero();
        assertThat(day.mtta.count).isZero();
        assertThat(day.mtta.sum).isEqualTo(-60);
        assertThat(day.mtta.buckets).containsEntry(LogHistogram.bucket(300), -1L).containsEntry(LogHistogram.bucket(240), 1L);
        assertThat(day.mttr.isZero()).isTrue();
    }

    @Test
    void aPriorityChangeMovesTheIncidentBetweenPriorityRowsOnly() {
        RollupChanges changes = new RollupChanges();
        changes.change(counted("P2", 300L), counted("P1", 300L));
        assertThat(changes.nonZero()).hasSize(2 * Blocks.LEVELS);
        changes.nonZero().forEach((k, c) -> {
            assertThat(k.dimension()).isEqualTo(RollupKey.PRIORITY);
            assertThat(c.counted).isEqualTo(k.value().equals("P1") ? 1 : -1);
        });
    }

    @Test
    void anExclusionCountsTheIncidentOncePerRuleAndNotItsFigures() {
        RollupChanges changes = new RollupChanges();
        changes.change(counted("P1", 300L), Contribution.of(DECLARED, "checkout", "P1", false, false, Set.of("CLOCK_SKEW", "IMPOSSIBLE_ORDER"),
                300L, 3600L, null));
        RollupCell day = day(changes, RollupKey.ALL, "");
        assertThat(day.counted).isEqualTo(-1);
        assertThat(day.excluded).isEqualTo(1);
        assertThat(day.rulesJson()).isEqualTo("{\"CLOCK_SKEW\": 1, \"IMPOSSIBLE_ORDER\": 1}");
        assertThat(day.mtta.count).isEqualTo(-1);
    }

    @Test
    void anUnchangedContributionWritesNothing() {
        RollupChanges changes = new RollupChanges();
        changes.change(counted("P1", 300L), counted("P1", 300L));
        changes.change(null, null);
        assertThat(changes.isEmpty()).isTrue();
    }

    @Test
    void aDrillOnlyCountsAsADrill() {
        RollupChanges changes = new RollupChanges();
        changes.change(null, Contribution.of(DECLARED, "checkout", "P1", true, false, Set.of("CLOCK_SKEW"), 300L, 3600L, 900L));
        RollupCell day = day(changes, RollupKey.PRIORITY, "P1");
        assertThat(day.drills).isEqualTo(1);
        assertThat(day.excluded).isZero();
        assertThat(day.mtta.isZero()).isTrue();
    }
}
