package io.firebreak.classification.support;

import io.firebreak.testing.MutableClock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Replaces the platform's system clock (a default bean) in this service's tests. */
@ApplicationScoped
public class TestClockProducer {

    private final MutableClock clock = new MutableClock();

    @Produces
    @ApplicationScoped
    MutableClock clock() {
        return clock;
    }
}
