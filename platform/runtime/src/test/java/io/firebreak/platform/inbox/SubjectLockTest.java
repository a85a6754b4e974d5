package io.firebreak.platform.inbox;

import static io.firebreak.platform.testapp.OwnThread.async;
import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.EventTypes;
import io.firebreak.events.IncidentDeclared;
import io.firebreak.events.Priority;
import io.firebreak.events.ResponseStatusChanged;
import io.firebreak.platform.incident.IncidentFacts;
import io.firebreak.platform.testapp.Db;
import io.firebreak.testing.FirebreakTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Two consumers of one service project the same incidents from two topics, each a polled batch per transaction. Their
 * batches can name the same incidents in opposite orders; the batch inbox locks the subjects first, in one order, so
 * the second batch waits for the first instead of deadlocking with it.
 */
@QuarkusTest
@QuarkusTestResource(FirebreakTestResource.class)
class SubjectLockTest {

    private static final Instant DETECTED = Instant.parse("2026-12-04T05:00:00Z");
    private static final Duration OVERLAP = Duration.ofSeconds(3);

    private final BatchInbox inbox;
    private final IncidentFacts facts;

    SubjectLockTest(BatchInbox inbox, IncidentFacts facts) {
        this.inbox = inbox;
        this.facts = facts;
    }

    @Test
    void twoBatchesProjectingTheSameIncidentsInOppositeOrdersWaitForEachOtherInsteadOfDeadlocking() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        AtomicBoolean declarationsStarted = new AtomicBoolean();
        AtomicBoolean lifecycleStarted = new AtomicBoolean();
        // Each batch writes its first incident, then waits (up to OVERLAP) for the other batch to write its own first
        // one: without the subject locks both then hold one row the other needs next, and PostgreSQL aborts one.
        List<CloudEventEnvelope> declarations = List.of(event(a, EventTypes.INCIDENT_DECLARED), event(b, EventTypes.INCIDENT_DECLARED));
        List<CloudEventEnvelope> lifecycle = List.of(event(b, EventTypes.RESPONSE_ACKNOWLEDGED), event(a, EventTypes.RESPONSE_ACKNOWLEDGED));

        CompletableFuture<Integer> first = async(() -> inbox.process(declarations, "subject-lock.classification-events",
                fresh -> inbox.eachSubjectLocked(fresh, overlapping(declarations, declarationsStarted, lifecycleStarted,
                        e -> facts.declared(declaration(UUID.fromString(e.subject())))))));
        CompletableFuture<Integer> second = async(() -> inbox.process(lifecycle, "subject-lock.response-events",
                fresh -> inbox.eachSubjectLocked(fresh, overlapping(lifecycle, lifecycleStarted, declarationsStarted,
                        e -> facts.statusChanged(acknowledged(UUID.fromString(e.subject())))))));

        assertThat(first.get(30, TimeUnit.SECONDS)).as("the declarations' batch committed (no deadlock)").isEqualTo(2);
        assertThat(second.get(30, TimeUnit.SECONDS)).as("the lifecycle's batch committed (no deadlock)").isEqualTo(2);
        for (UUID id : List.of(a, b)) {
            assertThat(Db.text("select title || '/' || response_status from platform_test.incident where incident_id = ?", id))
                    .as("both batches' facts on %s", id).isEqualTo("Checkout down/ACKNOWLEDGED");
        }
    }

    /** The effect, and after the batch's first event: this batch has started, and waits a while for the other to. */
    private static Function<CloudEventEnvelope, Uni<Void>> overlapping(List<CloudEventEnvelope> batch, AtomicBoolean mine,
                                                                      AtomicBoolean other, Function<CloudEventEnvelope, Uni<Void>> effect) {
        return event -> effect.apply(event).chain(() -> {
            if (event != batch.get(0)) {
                return Uni.createFrom().voidItem();
            }
            mine.set(true);
            return waitFor(other, System.nanoTime() + OVERLAP.toNanos());
        });
    }

    /** Polls on the caller's Vert.x context (the session must stay on it), without blocking it. */
    private static Uni<Void> waitFor(AtomicBoolean flag, long deadline) {
        if (flag.get() || System.nanoTime() > deadline) {
            return Uni.createFrom().voidItem();
        }
        Vertx vertx = Vertx.currentContext().owner();
        return Uni.createFrom().<Void>emitter(e -> vertx.setTimer(20, t -> e.complete(null))).chain(() -> waitFor(flag, deadline));
    }

    private static CloudEventEnvelope event(UUID incident, String type) {
        return new CloudEventEnvelope(UUID.randomUUID(), type, "/test", incident.toString(), Instant.now(),
                "{}".getBytes(StandardCharsets.UTF_8));
    }

    private static IncidentDeclared declaration(UUID id) {
        return new IncidentDeclared(id, "INC-2026-0777", "Checkout down", "503s", "checkout", Priority.P1, DETECTED,
                DETECTED.plusSeconds(60), "ines");
    }

    private static ResponseStatusChanged acknowledged(UUID id) {
        return new ResponseStatusChanged(id, "INC-2026-0777", "checkout", Priority.P1, false, "ACKNOWLEDGED", "DECLARED", "ivan",
                DETECTED.plusSeconds(120), null, null, DETECTED, DETECTED.plusSeconds(60), DETECTED.plusSeconds(120), "ivan", null,
                null, null, null, null, null, 0);
    }
}
