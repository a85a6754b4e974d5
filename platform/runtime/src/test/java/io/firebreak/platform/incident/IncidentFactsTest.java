package io.firebreak.platform.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.IncidentDeclared;
import io.firebreak.events.Priority;
import io.firebreak.events.PriorityChanged;
import io.firebreak.events.ResponseStatusChanged;
import io.firebreak.platform.testapp.Db;
import io.firebreak.testing.FirebreakTestResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The shared incident projection on real PostgreSQL: order-tolerant, idempotent, the final priority kept as history. */
@QuarkusTest
@QuarkusTestResource(FirebreakTestResource.class)
class IncidentFactsTest {

    private static final Instant DETECTED = Instant.parse("2026-11-30T10:00:00Z");
    private static final Instant DECLARED = DETECTED.plusSeconds(120);

    private final IncidentFacts facts;

    IncidentFactsTest(IncidentFacts facts) {
        this.facts = facts;
    }

    private static void run(Supplier<Uni<Void>> work) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
    }

    private static IncidentDeclared declaration(UUID id) {
        return new IncidentDeclared(id, "INC-2026-0042", "Checkout down", "503s", "checkout", Priority.P1, DETECTED, DECLARED, "ines");
    }

    private static ResponseStatusChanged lifecycle(UUID id, String status, Instant resolved, int reopens) {
        return new ResponseStatusChanged(id, "INC-2026-0042", "checkout", Priority.P1, false, status, "MITIGATED", "ivan",
                DECLARED.plusSeconds(3600), null, null, DETECTED, DECLARED, DECLARED.plusSeconds(60), "ivan", DECLARED.plusSeconds(1800),
                resolved, null, resolved == null ? null : "fixed", null, null, reopens);
    }

    private static String column(UUID id, String column) {
        return Db.text("select cast(" + column + " as text) from platform_test.incident where incident_id = ?", id);
    }

    @Test
    void aLifecycleEventBeforeTheDeclarationCreatesTheIncidentAndTheDeclarationCompletesItKeepingTheLifecycle() throws Throwable {
        UUID id = UUID.randomUUID();
        run(() -> facts.statusChanged(lifecycle(id, "RESOLVED", DECLARED.plusSeconds(3600), 0)));
        assertThat(column(id, "title")).isEqualTo("INC-2026-0042");
        assertThat(column(id, "response_status")).isEqualTo("RESOLVED");

        run(() -> facts.declared(declaration(id)));
        assertThat(column(id, "title")).isEqualTo("Checkout down");
        assertThat(column(id, "declared_by")).isEqualTo("ines");
        assertThat(column(id, "response_status")).as("the declaration does not undo the lifecycle").isEqualTo("RESOLVED");
        assertThat(Db.count("select count(*) from platform_test.incident where incident_id = ? and resolved_at = ?", id,
                java.time.OffsetDateTime.ofInstant(DECLARED.plusSeconds(3600), java.time.ZoneOffset.UTC))).as("the resolution time kept").isEqualTo(1);
    }

    @Test
    void aReopeningClearsTheResolutionAndApplyingAnEventTwiceChangesNothing() throws Throwable {
        UUID id = UUID.randomUUID();
        run(() -> facts.declared(declaration(id)));
        run(() -> facts.declared(declaration(id)));
        assertThat(Db.count("select count(*) from platform_test.incident where incident_id = ?", id)).isEqualTo(1);
        assertThat(column(id, "response_status")).isEqualTo("DECLARED");
        run(() -> facts.statusChanged(lifecycle(id, "RESOLVED", DECLARED.plusSeconds(3600), 0)));
        run(() -> facts.statusChanged(lifecycle(id, "REOPENED", null, 1)));
        run(() -> facts.statusChanged(lifecycle(id, "REOPENED", null, 1)));
        assertThat(column(id, "response_status")).isEqualTo("REOPENED");
        assertThat(column(id, "resolved_at")).isNull();
        assertThat(column(id, "acknowledged_at")).isNotNull();
        assertThat(column(id, "reopen_count")).isEqualTo("1");
    }

    @Test
    void aReclassificationChangesThePriorityButThePostmortemsFinalPriorityIsHistory() throws Throwable {
        UUID id = UUID.randomUUID();
        run(() -> facts.declared(declaration(id)));
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        run(() -> facts.priorityChanged(new PriorityChanged(id, "INC-2026-0042", "checkout", Priority.P1, Priority.P2, "RECLASSIFIED", null,
                null, "ines", at)));
        assertThat(column(id, "priority")).isEqualTo("P2");
        run(() -> facts.priorityChanged(new PriorityChanged(id, "INC-2026-0042", "checkout", Priority.P2, Priority.P1, "FINAL", null, null,
                "ines", at)));
        assertThat(column(id, "priority")).isEqualTo("P2");
    }
}
