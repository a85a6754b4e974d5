package io.firebreak.platform.outbox;

import java.time.Duration;

/** What one relay needs of {@link OutboxConfig}; tests build it directly. */
public record RelaySettings(int batchSize, Backoff backoff, int maxAttempts, Duration lease, Duration runTimeout) {

    public RelaySettings {
        if (batchSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("batch size and max attempts must be positive");
        }
        if (lease.compareTo(runTimeout.multipliedBy(2)) < 0) {
            // A lease shorter than a run would let a second relay take rows the first is still sending.
            throw new IllegalArgumentException("firebreak.outbox.lease (" + lease + ") must be at least twice the run timeout ("
                    + runTimeout + ")");
        }
    }

    public static RelaySettings of(OutboxConfig config) {
        if (config.deliveryTimeout().compareTo(config.runTimeout()) >= 0) {
            throw new IllegalArgumentException("firebreak.outbox.delivery-timeout must be below firebreak.outbox.run-timeout");
        }
        return new RelaySettings(config.batchSize(), new Backoff(config.initialBackoff(), config.maxBackoff()),
                config.maxAttempts(), config.lease(), config.runTimeout());
    }
}
