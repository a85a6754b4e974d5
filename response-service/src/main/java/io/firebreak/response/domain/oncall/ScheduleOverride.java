package io.firebreak.response.domain.oncall;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code person} covers the schedule from {@code start} to {@code end}: for whoever is on call then, or
 * — when {@code replaces} names someone — only for that person's time.
 */
public record ScheduleOverride(UUID id, String person, String replaces, Instant start, Instant end) {

    public ScheduleOverride {
        if (person == null || person.isBlank()) {
            throw new IllegalArgumentException("an override names who covers");
        }
        if (start == null || end == null || !end.isAfter(start)) {
            throw new IllegalArgumentException("an override ends after it starts");
        }
        if (person.equals(replaces)) {
            throw new IllegalArgumentException("nobody overrides themselves");
        }
    }

    public Interval interval() {
        return new Interval(start, end);
    }
}
