package io.firebreak.platform.work;

import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Work to do once a transaction has committed, and only then: a scope opened around the outermost
 * transaction (the inbox's, a deadline's firing) collects actions registered inside it and runs them
 * after the commit; a rollback discards them. The scope lives in the duplicated Vert.x context of the
 * one message or firing, so concurrent transactions never see each other's actions. Where no scope
 * is open, {@link #register} says so and the caller takes its slower, commit-independent path.
 */
public final class AfterCommit {

    private static final Logger LOG = Logger.getLogger(AfterCommit.class);
    private static final String KEY = AfterCommit.class.getName();

    private AfterCommit() {
    }

    /**
     * Runs {@code transaction} (which must commit before its Uni completes) in a scope; its registered
     * actions run after it succeeded. Inside another scope it joins that one instead.
     */
    public static <T> Uni<T> around(Supplier<Uni<T>> transaction) {
        return Uni.createFrom().deferred(() -> {
            Context context = Vertx.currentContext();
            if (context == null || !VertxContext.isDuplicatedContext(context) || context.getLocal(KEY) != null) {
                return transaction.get();
            }
            List<Runnable> actions = new ArrayList<>();
            context.putLocal(KEY, actions);
            Uni<T> work;
            try {
                work = transaction.get();
            } catch (RuntimeException e) {
                context.removeLocal(KEY);
                return Uni.createFrom().failure(e);
            }
            return work.onItemOrFailure().invoke((item, failure) -> {
                context.removeLocal(KEY);
                if (failure == null) {
                    for (Runnable action : actions) {
                        try {
                            action.run();
                        } catch (RuntimeException e) {
                            LOG.warnf(e, "An after-commit action failed");
                        }
                    }
                }
            });
        });
    }

    /** Whether a scope is open here: an action registered now would run after its commit. */
    public static boolean inScope() {
        Context context = Vertx.currentContext();
        return context != null && VertxContext.isDuplicatedContext(context) && context.getLocal(KEY) != null;
    }

    /** Registers an action for after the commit; answers false (and does nothing) where no scope is open. */
    public static boolean register(Runnable action) {
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return false;
        }
        List<Runnable> actions = context.getLocal(KEY);
        if (actions == null) {
            return false;
        }
        actions.add(action);
        return true;
    }
}
