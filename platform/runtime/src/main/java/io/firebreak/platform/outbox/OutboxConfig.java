package io.firebreak.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Typed settings of the transactional outbox and its relay ({@code firebreak.outbox.*}). */
@ConfigMapping(prefix = "firebreak.outbox")
public interface OutboxConfig {

    /** Database schema holding the outbox table; the service's own schema. */
    String schema();

    /** Topic the service's events are published to. */
    String topic();

    /** CloudEvent source of the service's events. */
    String source();

    /** Whether this instance runs the relay. Several replicas may all run it. */
    @WithDefault("true")
    boolean relayEnabled();

    /** Rows claimed per relay run. */
    @WithDefault("200")
    int batchSize();

    /** Fallback polling interval, for notifications lost while the listener reconnects. */
    @WithDefault("1s")
    Duration pollInterval();

    /** First retry delay after a failed send; doubles per attempt up to {@link #maxBackoff()}. */
    @WithDefault("200ms")
    Duration initialBackoff();

    @WithDefault("1m")
    Duration maxBackoff();

    /**
     * Attempts of a row that keeps failing with a retriable error before it is parked (about 23 minutes
     * with the default backoff). Non-retriable errors (record too large, not authorised) park at once.
     */
    @WithDefault("30")
    int maxAttempts();

    /**
     * How long a claimed row belongs to the relay that claimed it. A relay that dies mid-run leaves its
     * rows to the others after this; must exceed {@link #runTimeout()}.
     */
    @WithDefault("30s")
    Duration lease();

    /** Upper bound of one relay run from claim to the last acknowledgement it waits for. */
    @WithDefault("10s")
    Duration runTimeout();

    /** How long a send may wait for a topic's metadata before the topic is skipped for the run. */
    @WithDefault("1s")
    Duration maxBlock();

    /** The producer's {@code delivery.timeout.ms}; below {@link #runTimeout()}. */
    @WithDefault("8s")
    Duration deliveryTimeout();

    /** How long published or discarded rows are kept before they are purged. */
    @WithDefault("P7D")
    Duration retention();

    /** Delay of the first purge after start, so often-restarted instances purge too. */
    @WithDefault("1m")
    Duration purgeDelay();

    @WithDefault("1h")
    Duration purgeInterval();

    /** How often the outbox gauges (unsent, parked, oldest age) are refreshed. */
    @WithDefault("15s")
    Duration gaugeInterval();
}
