package io.firebreak.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.firebreak.platform.api.KeysetCursor;
import io.firebreak.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TimeBoundsTest {

    @Test
    void theFirstAndLastMomentsOfTheBoundsAreAccepted() {
        assertEquals(Instant.parse("0001-01-01T00:00:00Z"), TimeBounds.instant("0001-01-01T00:00:00Z"));
        assertEquals(Instant.parse("9999-12-31T23:59:59.999999Z"), TimeBounds.instant("9999-12-31T23:59:59.999999Z"));
        assertEquals(Instant.parse("2026-12-02T09:00:00Z"),
                TimeBounds.instant("2026-12-02T10:00:00+01:00", DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }

    @Test
    void aMomentOutsideTheBoundsIsRefusedLikeAMalformedOne() {
        assertThrows(DateTimeParseException.class, () -> TimeBounds.instant("+10000-01-01T00:00:00Z"));
        assertThrows(DateTimeParseException.class, () -> TimeBounds.instant("+999999999-12-31T23:59:59Z"));
        assertThrows(DateTimeParseException.class, () -> TimeBounds.instant("0000-12-31T23:59:59Z"));
        // An offset can carry a moment across the bound: 9999-12-31T23:00-02:00 is year 10000 in UTC.
        assertThrows(DateTimeParseException.class,
                () -> TimeBounds.instant("9999-12-31T23:00:00-02:00", DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }

    @Test
    void datesAreCheckedByTheirOwnYear() {
        assertTrue(TimeBounds.within(LocalDate.of(9999, 12, 31)));
        assertFalse(TimeBounds.within(LocalDate.of(10000, 1, 1)));
        assertFalse(TimeBounds.within(Instant.MAX));
        assertTrue(TimeBounds.within(null));
    }

    @Test
    void aForgedCursorWithAMomentBeyondTheBoundsIsA400() {
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "+999999999-12-31T23:59:59Z,6f1c2a52-1f5e-4c57-9a5e-1d0f3f0b6a11".getBytes(StandardCharsets.UTF_8));
        ProblemException refused = assertThrows(ProblemException.class, () -> KeysetCursor.decode(forged));
        assertEquals(400, refused.problem().status());
    }
}
