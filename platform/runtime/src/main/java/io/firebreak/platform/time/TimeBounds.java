package io.firebreak.platform.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * The years every stored moment and date must lie in: 0001–9999. Java accepts years up to ±999,999,999; PostgreSQL
 * does not (timestamps end in 294276): Hibernate Reactive stored a year-999999999 moment as 4714-11-24 BC without an
 * error, and the plain SQL client overflowed a long (a 500 the API fuzz run found). No incident, shift or review lies
 * outside these years, so the API refuses them before any rule runs.
 */
public final class TimeBounds {

    public static final int FIRST_YEAR = 1;
    public static final int LAST_YEAR = 9999;
    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    public static final String RULE = "must lie in the years 0001 to 9999";

    private TimeBounds() {
    }

    /** {@link Instant#parse}, refusing a moment outside the bounds the same way as a malformed one. */
    public static Instant instant(CharSequence text) {
        return bounded(Instant.parse(text), text);
    }

    /** An offset date-time in the given format (ISO 8601 by default elsewhere), as an instant within the bounds. */
    public static Instant instant(CharSequence text, DateTimeFormatter format) {
        return bounded(OffsetDateTime.parse(text, format).toInstant(), text);
    }

    private static Instant bounded(Instant value, CharSequence text) {
        if (!within(value)) {
            throw new DateTimeParseException("A moment " + RULE, text, 0);
        }
        return value;
    }

    public static boolean within(Object value) {
        if (value instanceof Instant instant) {
            // Instant has no year field, and Instant.MAX has no date in UTC: compare with the bounds instead.
            return !instant.isBefore(FIRST) && !instant.isAfter(LAST);
        }
        if (value instanceof TemporalAccessor temporal && temporal.isSupported(ChronoField.YEAR)) {
            int year = temporal.get(ChronoField.YEAR);
            return year >= FIRST_YEAR && year <= LAST_YEAR;
        }
        return true;
    }
}
