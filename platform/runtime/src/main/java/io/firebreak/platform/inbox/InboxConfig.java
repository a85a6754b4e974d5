package io.firebreak.platform.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Typed settings of the idempotent inbox ({@code firebreak.inbox.*}). */
@ConfigMapping(prefix = "firebreak.inbox")
public interface InboxConfig {

    /** Schema of the inbox table; the service's own schema. */
    String schema();

    /** Attempts of a failing effect before the record goes to the DLQ. */
    @WithDefault("3")
    int maxAttempts();

    @WithDefault("100ms")
    Duration initialBackoff();

    @WithDefault("2s")
    Duration maxBackoff();

    /**
     * How long a record whose effect fails only because the database is unavailable (see {@link TransientFailures})
     * is retried, backing off up to {@link #maxBackoff()}, before it counts as one failed attempt: long enough for a
     * database restart or fail-over, so such records are never dead-lettered for an outage.
     */
    @WithDefault("10m")
    Duration transientRetry();

    /** How long processed event ids are remembered; longer than any redelivery window. */
    @WithDefault("P30D")
    Duration retention();
}
