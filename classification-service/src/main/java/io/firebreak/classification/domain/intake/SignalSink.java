package io.firebreak.classification.domain.intake;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * Where accepted signals go before intake answers: the signals topic, straight to the broker (the
 * messaging layer implements it). Completes once the broker holds the signal; fails with
 * {@link io.firebreak.platform.messaging.PublishRejectedException} (503 with Retry-After) when it
 * cannot take it in time or too many signals already wait.
 */
public interface SignalSink {

    /** Publishes {@code data} as an event of {@code type} under {@code key}; answers the event id. */
    Uni<UUID> publish(String type, String key, Object data);
}
