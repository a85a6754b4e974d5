package io.firebreak.platform.work;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.function.Function;

/**
 * Runs one asynchronous step per item, each after the previous one completed (one session, one connection: never
 * at once). Unlike a loop of {@code uni.chain(...)}, the steps are not nested: steps that complete without I/O do not
 * pile up stack frames, so a batch of thousands cannot overflow the event loop's stack.
 */
public final class InSequence {

    private InSequence() {
    }

    public static <T> Uni<Void> forEach(Iterable<T> items, Function<T, Uni<?>> step) {
        return Multi.createFrom().iterable(items).onItem().transformToUniAndConcatenate(item -> step.apply(item).replaceWith(Boolean.TRUE))
                .collect().last().replaceWithVoid();
    }
}
