package io.firebreak.platform.problem;

import io.firebreak.platform.time.Quarter;
import io.firebreak.platform.time.TimeBounds;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Parses optional query parameters, answering 400 with the parameter named. (JAX-RS would turn a
 * failed query-parameter conversion into a 404, which misleads the caller.)
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        OffsetDateTime parsed;
        try {
            parsed = OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(List.of(new Violation(name, "must be an RFC 3339 timestamp such as 2026-11-29T10:00:00Z")));
        }
        if (!TimeBounds.within(parsed)) {
            throw ProblemException.invalid(List.of(new Violation(name, TimeBounds.RULE)));
        }
        return parsed.toInstant();
    }

    /** A required calendar quarter ({@code 2026-Q4}). */
    public static Quarter quarter(String name, String value) {
        Quarter q = Quarter.parse(value);
        if (q == null) {
            throw ProblemException.invalid(List.of(new Violation(name, "is required and must look like 2026-Q4")));
        }
        return q;
    }
}
