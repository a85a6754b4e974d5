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

    /** Rows claimed per relay transaction. */
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

    /** How long published rows are kept before they are purged. */
    @WithDefault("P7D")
    Duration retention();
}
