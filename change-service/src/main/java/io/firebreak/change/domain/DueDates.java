package io.firebreak.change.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When the duties after an emergency change fall due, counted from its implementation: validation by someone other
 * than the implementer (default 1 h), retroactive documentation (default 24 h) and the effectiveness review
 * (24 h). Pure.
 */
public record DueDates(Duration validationWindow, Duration documentationDeadline, Duration effectivenessWindow) {

    public static final DueDates DEFAULT = new DueDates(Duration.ofHours(1), Duration.ofHours(24), Duration.ofHours(24));

    public Instant validationDue(Instant implementedAt) {
        return implementedAt.plus(validationWindow);
    }

    public Instant documentationDue(Instant implementedAt) {
        return implementedAt.plus(documentationDeadline);
    }

    public Instant effectivenessDue(Instant implementedAt) {
        return implementedAt.plus(effectivenessWindow);
    }

    /** Whether something that started at {@code at} falls in the effectiveness window after implementation (a suspected regression). */
    public boolean withinEffectivenessWindow(Instant implementedAt, Instant at) {
        return !at.isBefore(implementedAt) && at.isBefore(effectivenessDue(implementedAt));
    }
}
