package io.firebreak.platform.outbox;

import java.time.Duration;

/** Exponential backoff: initial × 2^(attempt-1), capped at max. */
public record Backoff(Duration initial, Duration max) {

    public Duration after(int attempts) {
        if (attempts <= 0 || initial.isZero()) {
            return Duration.ZERO;
        }
        long initialMillis = initial.toMillis();
        int shift = Math.min(attempts - 1, 62);
        // Doubling overflows long once initial × 2^shift passes Long.MAX_VALUE: that is past any cap.
        if (shift >= Long.numberOfLeadingZeros(initialMillis) - 1) {
            return max;
        }
        long millis = initialMillis << shift;
        return millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
