package io.firebreak.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.testing.FirebreakTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Mutiny callbacks are not wrapped for thread-context propagation: with any context left to propagate, every callback
 * of every reactive chain captured and restored it on SmallRye Context Propagation's slow path (12-14 % of a service's
 * event-loop CPU, docs/performance.md). A dependency that brings a new context provider makes this fail.
 */
@QuarkusTest
@QuarkusTestResource(FirebreakTestResource.class)
class ContextPropagationTest {

    @Test
    void mutinyCallbacksAreNotWrappedToPropagateThreadContexts() {
        Runnable runnable = () -> { };
        Supplier<String> supplier = () -> "x";
        Function<String, String> function = s -> s;
        assertThat(Infrastructure.decorate(runnable)).isSameAs(runnable);
        assertThat(Infrastructure.decorate(supplier)).isSameAs(supplier);
        assertThat(Infrastructure.decorate(function)).isSameAs(function);
    }
}
