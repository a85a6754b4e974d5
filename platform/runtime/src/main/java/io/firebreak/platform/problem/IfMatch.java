package io.firebreak.platform.problem;

import java.util.List;

/** The {@code If-Match} header as an optimistic-concurrency version ("3", "\"3\"" or "W/\"3\""). */
public final class IfMatch {

    private IfMatch() {
    }

    /** The version the caller read, or null without the header; a 400 problem when it is not a number. */
    public static Integer version(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(header.replace("W/", "").replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(List.of(new Violation("If-Match", "must be the version you read")));
        }
    }
}
