package io.firebreak.platform.work;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import java.util.function.Supplier;

/**
 * Runs reactive work that opens a Hibernate Reactive session on a fresh, safe duplicated Vert.x
 * context, as Quarkus does for requests and messages: a timer or a LISTEN callback runs on the event
 * loop's root context, where sessions must not live.
 */
public final class SafeContext {

    private SafeContext() {
    }

    public static <T> Uni<T> run(Vertx vertx, Supplier<Uni<T>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().emitter(emitter -> context.runOnContext(ignored -> {
            Uni<T> uni;
            try {
                uni = work.get();
            } catch (RuntimeException e) {
                emitter.fail(e);
                return;
            }
            uni.subscribe().with(emitter::complete, emitter::fail);
        }));
    }
}
