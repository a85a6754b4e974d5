package io.firebreak.classification.domain.intake;

import io.firebreak.platform.time.TimeBounds;
import java.time.Instant;
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
            return TimeBounds.instant(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            try {
                return TimeBounds.instant(text, COLONLESS);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
