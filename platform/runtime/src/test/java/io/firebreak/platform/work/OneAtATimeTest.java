package io.firebreak.platform.work;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OneAtATimeTest {

    private final OneAtATime gate = new OneAtATime();

    @Test
    void piecesAskedForAtOnceFromManyThreadsNeverOverlap() throws Exception {
        int pieces = 12;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(pieces);
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (int i = 0; i < pieces; i++) {
            int piece = i;
            results.add(CompletableFuture.supplyAsync(() -> {
                await(go);
                return gate.run(() -> {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    // Asynchronous work that ends later, on another thread, as a transaction does.
                    return Uni.createFrom().item(piece).onItem().delayIt().by(Duration.ofMillis(20))
                            .invoke(() -> {
                                running.decrementAndGet();
                                done.incrementAndGet();
                            });
                }).await().atMost(Duration.ofSeconds(30));
            }, callers));
        }
        go.countDown();
        for (CompletableFuture<Integer> result : results) {
            result.get(30, TimeUnit.SECONDS);
        }
        callers.shutdown();

        assertThat(done).hasValue(pieces);
        assertThat(mostAtOnce).as("pieces running at the same moment").hasValue(1);
    }

    @Test
    void aPieceThatFailsStillLetsTheNextOneRun() {
        Uni<String> failing = gate.run(() -> Uni.createFrom().failure(new IllegalStateException("deadlock detected")));
        Uni<String> next = gate.run(() -> Uni.createFrom().item("ran"));

        assertThat(failing.onFailure().recoverWithItem("failed").await().atMost(Duration.ofSeconds(5))).isEqualTo("failed");
        assertThat(next.await().atMost(Duration.ofSeconds(5))).isEqualTo("ran");
    }

    @Test
    void aPieceCancelledWhileWaitingDoesNotLetTheNextStartBesideTheRunningOne() throws Exception {
        CompletableFuture<Void> releaseFirst = new CompletableFuture<>();
        AtomicInteger thirdStarted = new AtomicInteger();
        gate.run(() -> Uni.createFrom().completionStage(releaseFirst)).subscribe().with(ignored -> { });
        var second = gate.run(() -> Uni.createFrom().item("second")).subscribe().with(ignored -> { });
        CompletableFuture<String> third = new CompletableFuture<>();
        second.cancel(); // e.g. the consumer stopping while the second batch waited for its turn
        gate.run(() -> {
            thirdStarted.incrementAndGet();
            return Uni.createFrom().item("third");
        }).subscribe().with(third::complete, third::completeExceptionally);

        Thread.sleep(200);
        assertThat(thirdStarted).as("started while the first still ran").hasValue(0);
        releaseFirst.complete(null);
        assertThat(third.get(5, TimeUnit.SECONDS)).isEqualTo("third");
    }

    @Test
    void aPieceThatWaitedResumesOnItsCallersContextNotOnThePreviousPieces() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Context first = vertx.getOrCreateContext();
            Context second = ((io.vertx.core.impl.ContextInternal) vertx.getOrCreateContext()).duplicate();
            CompletableFuture<Void> releaseFirst = new CompletableFuture<>();
            List<Context> ranOn = Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<Object> firstDone = new CompletableFuture<>();
            CompletableFuture<Object> secondDone = new CompletableFuture<>();

            first.runOnContext(v -> gate.run(() -> {
                ranOn.add(Vertx.currentContext());
                // Completes on a thread of its own, after the second piece has queued behind it.
                return Uni.createFrom().completionStage(releaseFirst).replaceWith((Object) "first");
            }).subscribe().with(firstDone::complete, firstDone::completeExceptionally));
            second.runOnContext(v -> gate.run(() -> {
                ranOn.add(Vertx.currentContext());
                return Uni.createFrom().item((Object) "second");
            }).subscribe().with(secondDone::complete, secondDone::completeExceptionally));

            Thread.sleep(200);
            assertThat(secondDone).as("the second waits for the first").isNotDone();
            CompletableFuture.runAsync(() -> releaseFirst.complete(null));
            secondDone.get(5, TimeUnit.SECONDS);
            firstDone.get(5, TimeUnit.SECONDS);

            assertThat(ranOn).containsExactly(first, second);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
