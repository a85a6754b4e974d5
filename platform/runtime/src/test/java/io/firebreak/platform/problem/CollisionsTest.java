package io.firebreak.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import jakarta.persistence.OptimisticLockException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CollisionsTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void aTransactionThatCollidedOnceIsRunAgainAndItsSecondAnswerIsTheAnswer() {
        AtomicInteger runs = new AtomicInteger();

        String answer = Collisions.retried(() -> runs.incrementAndGet() == 1
                ? Uni.createFrom().failure(new OptimisticLockException("page changed concurrently"))
                : Uni.createFrom().item("acknowledged")).await().atMost(WAIT);

        assertThat(answer).isEqualTo("acknowledged");
        assertThat(runs).hasValue(2);
    }

    @Test
    void aStaleRowWrappedInAnotherFailureIsACollisionToo() {
        AtomicInteger runs = new AtomicInteger();

        Collisions.retried(() -> runs.incrementAndGet() == 1
                ? Uni.createFrom().failure(new IllegalStateException(new org.hibernate.StaleObjectStateException("Page", "42")))
                : Uni.createFrom().item("ok")).await().atMost(WAIT);

        assertThat(runs).hasValue(2);
    }

    @Test
    void aTransactionThatKeepsCollidingIsTriedThreeTimesAndTheCollisionIsTheAnswer() {
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> Collisions.retried(() -> {
            runs.incrementAndGet();
            return Uni.createFrom().<String>failure(new OptimisticLockException("always"));
        }).await().atMost(WAIT)).isInstanceOf(OptimisticLockException.class);

        assertThat(runs).hasValue(Collisions.TRIES);
    }

    @Test
    void anyOtherFailureIsAnsweredAtOnceWithoutASecondRun() {
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> Collisions.retried(() -> {
            runs.incrementAndGet();
            return Uni.createFrom().<String>failure(new IllegalArgumentException("not allowed from RESOLVED"));
        }).await().atMost(WAIT)).isInstanceOf(IllegalArgumentException.class);

        assertThat(runs).hasValue(1);
    }
}
