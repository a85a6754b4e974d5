package io.firebreak.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.metrics.model.IncidentLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The fold of an incident's events, fed in order, shuffled and with duplicates, and the three means computed from it. */
class IncidentLedgerTest {

    static final Instant DETECTED = Instant.parse("2026-11-02T09:58:00Z");
    static final Instant DECLARED = Instant.parse("2026-11-02T10:00:00Z");

    /** A full P1: declared, paged (level 1 payments on-call, escalated to database team), acknowledged, mitigated, resolved. */
    static List<Consumer<IncidentLedger>> fullP1() {
        List<Consumer<IncidentLedger>> events = new ArrayList<>();
        events.add(l -> l.declared("e1", "INC-2026-0042", "checkout", "P1", DETECTED, DECLARED, false));
        events.add(l -> l.paged("e2", "pat", "team-payments", DECLARED, DECLARED.plusSeconds(10), false));
        events.add(l -> l.escalated("e3", 1, 2, "team-db", DECLARED.plusSeconds(10), DECLARED.plusSeconds(310), false));
        events.add(l -> l.paged("e4", "dora", "team-db", DECLARED, DECLARED.plusSeconds(310), false));
        events.add(l -> l.acknowledged("e5", DECLARED, DECLARED.plusSeconds(400), false));
        events.add(l -> l.lifecycle("e6", "ACKNOWLEDGED", "INC-2026-0042", "checkout", "P1", false, DETECTED, DECLARED,
                DECLARED.plusSeconds(400), null, null, null, 0, "dora", DECLARED.plusSeconds(400)));
        events.add(l -> l.lifecycle("e7", "MITIGATED", "INC-2026-0042", "checkout", "P1", false, DETECTED, DECLARED,
                DECLARED.plusSeconds(400), DECLARED.plusSeconds(1800), null, null, 0, "dora", DECLARED.plusSeconds(1800)));
        events.add(l -> l.lifecycle("e8", "RESOLVED", "INC-2026-0042", "checkout", "P1", false, DETECTED, DECLARED,
                DECLARED.plusSeconds(400), DECLARED.plusSeconds(1800), DECLARED.plusSeconds(3600), null, 0, "dora", DECLARED.plusSeconds(3600)));
        return events;
    }

    static IncidentLedger fold(List<Consumer<IncidentLedger>> events) {
        IncidentLedger l = new IncidentLedger(UUID.randomUUID());
        events.forEach(e -> e.accept(l));
        return l;
    }

    private static java.util.Set<String> team(String person) {
        return switch (person) {
            case "dora" -> java.util.Set.of("team-db", "team-platform");
            case "pat" -> java.util.Set.of("team-payments");
            default -> java.util.Set.of();
        };
    }

    @Test
    void aFullP1GivesMttaMttrAndMtteByTheirDefinitions() {
        IncidentLedger l = fold(fullP1());
        assertThat(MetricFormulas.mtta(l)).isEqualTo(Duration.ofSeconds(400));
        assertThat(MetricFormulas.mttr(l)).isEqualTo(Duration.ofSeconds(120 + 3600));
        // Detected → the first page to the resolver's team (the database team, reached by escalation).
        assertThat(MetricFormulas.mtte(l, IncidentLedgerTest::team)).isEqualTo(Duration.ofSeconds(120 + 310));
        assertThat(MetricFormulas.hops(l)).containsExactly(new MetricFormulas.HopLatency("team-db", 2, Duration.ofSeconds(300)));
        assertThat(DataRules.check(l, Duration.ofMinutes(2))).isEmpty();
    }

    @Test
    void anyOrderAndAnyRedeliveryFoldToTheSameIncident() {
        IncidentLedger expected = fold(fullP1());
        Random random = new Random(42);
        for (int run = 0; run < 50; run++) {
            List<Consumer<IncidentLedger>> events = new ArrayList<>(fullP1());
            events.addAll(fullP1().subList(0, 1 + random.nextInt(7))); // redeliveries
            Collections.shuffle(events, random);
            IncidentLedger l = fold(events);
            assertThat(l.status).as("run %d", run).isEqualTo("RESOLVED");
            assertThat(MetricFormulas.mtta(l)).isEqualTo(MetricFormulas.mtta(expected));
            assertThat(MetricFormulas.mttr(l)).isEqualTo(MetricFormulas.mttr(expected));
            assertThat(MetricFormulas.mtte(l, IncidentLedgerTest::team)).isEqualTo(MetricFormulas.mtte(expected, IncidentLedgerTest::team));
            assertThat(l.observations).hasSize(8);
            assertThat(l.key).isEqualTo(expected.key);
        }
    }

    @Test
    void aReopenedIncidentCountsWithItsLastResolutionAndALateOlderRecordDoesNotUndoIt() {
        List<Consumer<IncidentLedger>> events = fullP1();
        events.add(l -> l.lifecycle("e9", "REOPENED", "INC-2026-0042", "checkout", "P1", false, DETECTED, DECLARED, DECLARED.plusSeconds(400),
                null, null, null, 1, "ivan", DECLARED.plusSeconds(4000)));
        events.add(l -> l.lifecycle("e10", "RESOLVED", "INC-2026-0042", "checkout", "P1", false, DETECTED, DECLARED, DECLARED.plusSeconds(400),
                DECLARED.plusSeconds(5000), DECLARED.plusSeconds(7200), null, 1, "dora", DECLARED.plusSeconds(7200)));
        IncidentLedger l = fold(events);
        assertThat(MetricFormulas.mttr(l)).isEqualTo(Duration.ofSeconds(120 + 7200));
        // The first resolution redelivered late (a new event id, an older record) changes nothing.
        l.lifecycle("e8-late", "RESOLVED", "INC-2026-0042", "checkout", "P1", false, DETECTED, DECLARED, DECLARED.plusSeconds(400),
                DECLARED.plusSeconds(1800), DECLARED.plusSeconds(3600), null, 0, "dora", DECLARED.plusSeconds(3600));
        assertThat(MetricFormulas.mttr(l)).isEqualTo(Duration.ofSeconds(120 + 7200));
    }

    @Test
    void aResolverNeverPagedEndsMtteAtTheFirstPageOfTheirOwnTeam() {
        List<Consumer<IncidentLedger>> events = fullP1();
        events.set(7, l -> l.lifecycle("e8", "RESOLVED", "INC-2026-0042", "checkout", "P1", false, DETECTED, DECLARED,
                DECLARED.plusSeconds(400), DECLARED.plusSeconds(1800), DECLARED.plusSeconds(3600), null, 0, "pat", DECLARED.plusSeconds(3600)));
        IncidentLedger l = fold(events);
        assertThat(MetricFormulas.mtte(l, IncidentLedgerTest::team)).isEqualTo(Duration.ofSeconds(120 + 10));
        l.resolvedBy = "nobody-paged";
        assertThat(MetricFormulas.mtte(l, person -> java.util.Set.of("team-db"))).isEqualTo(Duration.ofSeconds(120 + 310));
        assertThat(MetricFormulas.mtte(l, person -> java.util.Set.of())).isNull();
    }

    @Test
    void theLedgerSurvivesItsJsonColumnWithEveryFigure() {
        IncidentLedger l = fold(fullP1());
        io.firebreak.metrics.model.IncidentMetric.Ledger column = new io.firebreak.metrics.model.IncidentMetric.Ledger();
        IncidentLedger back = column.convertToEntityAttribute(column.convertToDatabaseColumn(l));
        assertThat(MetricFormulas.mtta(back)).isEqualTo(MetricFormulas.mtta(l));
        assertThat(MetricFormulas.mttr(back)).isEqualTo(MetricFormulas.mttr(l));
        assertThat(MetricFormulas.mtte(back, IncidentLedgerTest::team)).isEqualTo(MetricFormulas.mtte(l, IncidentLedgerTest::team));
        assertThat(back.applied).containsExactlyInAnyOrderElementsOf(l.applied);
        assertThat(back.drill).isFalse();
        back.declared("e1", "INC-2026-0042", "checkout", "P1", DETECTED, DECLARED, false);
        assertThat(back.observations).hasSize(8); // a redelivery after reloading is still recognised
    }

    @Test
    void aCopyHoldsEveryFieldOfTheLedgerAndSharesNoCollectionWithIt() throws Exception {
        IncidentLedger l = fold(fullP1());
        l.priorityChanged("e19", "P1", "IMPACT_GREW", DECLARED.plusSeconds(20));
        l.priorityChanged("e20", "P2", "FINAL", DECLARED.plusSeconds(90_000));
        l.disputed("e21", DECLARED.plusSeconds(60));
        l.impactMeasured("e22", DECLARED.plusSeconds(30), 1_000.0, 50L);
        l.postmortemPublished("e23", List.of("change/config"), DECLARED.plusSeconds(100_000));
        l.declaredAtByResponse = DECLARED;
        l.closedAt = DECLARED.plusSeconds(200_000);
        l.alertFingerprint = "fp";
        l.alertGroupId = java.util.UUID.randomUUID();
        l.reopenCount = 1;
        l.declarationSeen = true;
        l.firstHeardAt = DECLARED.plusSeconds(1);
        // Every field holds something, so a field that copy() forgets differs below (a new field must be set here too).
        for (java.lang.reflect.Field f : IncidentLedger.class.getDeclaredFields()) {
            if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                Object value = f.get(l);
                assertThat(value).as("%s is set in the test's ledger", f.getName()).isNotNull();
                if (value instanceof java.util.Collection<?> c) {
                    assertThat(c).as("%s is filled in the test's ledger", f.getName()).isNotEmpty();
                }
                if (value instanceof java.util.Map<?, ?> m) {
                    assertThat(m).as("%s is filled in the test's ledger", f.getName()).isNotEmpty();
                }
            }
        }
        io.firebreak.metrics.model.IncidentMetric.Ledger column = new io.firebreak.metrics.model.IncidentMetric.Ledger();

        IncidentLedger copy = l.copy();

        assertThat(column.convertToDatabaseColumn(copy)).isEqualTo(column.convertToDatabaseColumn(l));
        copy.declared("e30", "INC-2026-0042", "checkout", "P1", DETECTED, DECLARED, false);
        copy.paged("e31", "zoe", "team-db", DECLARED, DECLARED.plusSeconds(5), false);
        copy.factors.add("people/handover");
        copy.impacts.clear();
        copy.decisions.clear();
        copy.disputes.clear();
        copy.hops.clear();
        assertThat(column.convertToDatabaseColumn(copy)).as("the copy changed").isNotEqualTo(column.convertToDatabaseColumn(l));
        assertThat(l.applied).doesNotContain("e30", "e31");
        assertThat(l.pages).noneMatch(p -> "zoe".equals(p.person()));
        assertThat(l.factors).doesNotContain("people/handover");
        assertThat(l.impacts).isNotEmpty();
        assertThat(l.decisions).isNotEmpty();
        assertThat(l.disputes).isNotEmpty();
        assertThat(l.hops).isNotEmpty();
    }

    @Test
    void aPostmortemsFinalPriorityIsKeptApartFromThePriority() {
        IncidentLedger l = fold(fullP1());
        l.priorityChanged("e20", "P2", "FINAL", DECLARED.plusSeconds(90_000));
        assertThat(l.priority).isEqualTo("P1");
        assertThat(l.finalPriority).isEqualTo("P2");
        assertThat(DataRules.check(l, Duration.ofMinutes(2))).isEmpty();
    }
}
