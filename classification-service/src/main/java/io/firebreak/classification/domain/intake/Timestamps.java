package io.firebreak.classification.domain.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/** Timestamps as monitoring tools send them: RFC 3339, or ISO 8601 with a colon-less offset (PagerDuty's examples: +0000). */
public final class Timestamps {

    private static final DateTimeFormatter COLONLESS = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .appendOffset("+HHMM", "Z")
            .toFormatter();

    private Timestamps() {
    }

    /** The instant, or null when the text is no timestamp. */
    public static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text, COLONLESS).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
