package io.firebreak.platform.problem;

import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * Runs a transaction again when it lost a race its caller cannot see: an optimistic-lock conflict, a serialization
 * failure or a deadlock with the service's own background work (a page's delivery recorded while its person
 * acknowledges it). Each try is a transaction of its own that reads and checks everything afresh, so a race with
 * another person's decision still ends in that decision's rule (a second resolution is refused as "already
 * resolved"). After the last try the collision itself is the answer (409, read again and retry).
 */
public final class Collisions {

    /** Tries in all: the background writes a caller can collide with are short, and a fourth loss is a real contest. */
    public static final int TRIES = 3;

    private Collisions() {
    }

    /**
     * {@code transaction} run until it does not collide, at most {@link #TRIES} times. Retried at once, on the thread
     * that saw the failure (a delay would resume off the Vert.x context the reactive session needs).
     */
    public static <T> Uni<T> retried(Supplier<Uni<? extends T>> transaction) {
        return Uni.createFrom().<T>deferred(transaction).onFailure(Collisions::isCollision).retry().atMost(TRIES - 1);
    }

    public static boolean isCollision(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException || t instanceof org.hibernate.StaleStateException) {
                return true;
            }
        }
        return ConcurrencyFailures.isTransient(e);
    }
}
