package io.firebreak.classification.domain;

import java.util.regex.Pattern;

/** Human incident keys: {@code INC-<year>-<sequence>}, the sequence zero-padded to at least four digits. */
public final class IncidentKeys {

    private static final Pattern KEY = Pattern.compile("INC-\\d{4}-\\d{4,}");

    private IncidentKeys() {
    }

    public static String format(int year, long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
        return String.format("INC-%04d-%04d", year, sequence);
    }

    public static boolean looksLikeKey(String candidate) {
        return candidate != null && KEY.matcher(candidate).matches();
    }
}
