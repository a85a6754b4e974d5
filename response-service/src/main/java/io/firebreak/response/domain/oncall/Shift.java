package io.firebreak.response.domain.oncall;

import java.time.Instant;

/**
 * Someone on call from {@code start} to {@code end}; {@code source} says why: the layer's name, or
 * {@code override} with the override's id.
 */
public record Shift(String person, Instant start, Instant end, String source) {

    public Interval interval() {
        return new Interval(start, end);
    }
}
