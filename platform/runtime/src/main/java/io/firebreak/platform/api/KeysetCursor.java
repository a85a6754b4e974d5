package io.firebreak.platform.api;

import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.time.TimeBounds;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The cursor of a list ordered by (time, id), newest first: opaque to clients, it names the last row
 * shown, so pages never shift when rows are added meanwhile.
 */
public record KeysetCursor(Instant at, UUID id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "," + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor passed back as {@code ?after=}; null for the first page; 400 for anything this list did not hand out. */
    public static KeysetCursor decode(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(",", 2);
            return new KeysetCursor(TimeBounds.instant(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw ProblemException.invalid(List.of(new Violation("after", "is not a cursor of this list")));
        }
    }
}
