package io.firebreak.platform.outbox;

import java.time.Duration;

/** Exponential backoff: initial × 2^(attempt-1), capped. */
public record Backoff(Duration initial, Duration max) {

    public Duration after(int attempts) {
        if (attempts <= 0) {
            return Duration.ZERO;
        }
        int shift = Math.min(attempts - 1, 30);
        long millis = initial.toMillis() << shift;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
