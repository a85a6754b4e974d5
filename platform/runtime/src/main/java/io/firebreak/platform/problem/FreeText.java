package io.firebreak.platform.problem;

import java.util.List;

/** Free-text request fields: one check for "required, bounded" and one normal form for "blank means absent". */
public final class FreeText {

    private FreeText() {
    }

    /** Adds a violation when the value is missing (if required) or longer than {@code max}. */
    public static void check(List<Violation> violations, String field, String value, boolean required, int max) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(new Violation(field, "is required"));
            }
        } else if (value.length() > max) {
            violations.add(new Violation(field, "at most " + max + " characters"));
        }
    }

    /** The stripped value, or null when it is null or blank. */
    public static String orNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
