package io.firebreak.platform.work;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs asynchronous work of one JVM one piece at a time, in the order it was asked for, each resuming on the Vert.x
 * context of its caller (a Hibernate Reactive session must stay on the context that opened it).
 * <p>
 * For work that would otherwise wait for a database lock <em>inside</em> its transaction: a transaction that waits
 * holds its transaction id for the whole wait, and while it is open PostgreSQL keeps every row version it could still
 * see — in every schema of the database, so other services' index scans wade through rows they already deleted or
 * sent. Waiting here, before the transaction begins, costs no connection and pins nothing; the database lock inside
 * remains for other replicas, and within one replica it is then never contended.
 */
public final class OneAtATime {

    private final AtomicReference<CompletableFuture<Void>> last = new AtomicReference<>(CompletableFuture.completedFuture(null));

    /** {@code work}, started once every piece asked for before it has ended (whether it succeeded or failed). */
    public <T> Uni<T> run(Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            CompletableFuture<Void> mine = new CompletableFuture<>();
            CompletableFuture<Void> before = last.getAndSet(mine);
            // A copy: cancelling this piece cancels the stage it waits on, and that must not end the previous turn.
            Uni<Void> turn = Uni.createFrom().completionStage(before.copy());
            if (caller != null) {
                // The previous piece completes on its own context; this one goes on on its caller's.
                turn = turn.emitOn(command -> caller.runOnContext(ignored -> command.run()));
            }
            // Its turn ends when it has ended and so has the one before: a piece cancelled while still waiting must
            // not let the next one start beside a piece that is still running.
            return turn.chain(work::get).onTermination().invoke(() -> before.whenComplete((ignored, failure) -> mine.complete(null)));
        });
    }
}
