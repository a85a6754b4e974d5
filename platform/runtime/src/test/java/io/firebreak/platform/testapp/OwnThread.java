package io.firebreak.platform.testapp;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Runs a reactive call on a thread of its own (it blocks there on its transaction), so that a test can run two at once. */
public final class OwnThread {

    private OwnThread() {
    }

    /** Starts the call now; its result, or its failure, arrives later. */
    public static <T> CompletableFuture<T> async(Supplier<Uni<T>> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(VertxContextSupport.subscribeAndAwait(call));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "test-own-thread");
        thread.start();
        return result;
    }
}
