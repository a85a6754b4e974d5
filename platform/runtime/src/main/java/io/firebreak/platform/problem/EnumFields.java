package io.firebreak.platform.problem;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Reads an enum field of a request, adding a violation that lists the allowed values when it is missing (if required) or unknown. */
public final class EnumFields {

    private EnumFields() {
    }

    public static <E extends Enum<E>> E parse(List<Violation> violations, String field, String value, Class<E> type, boolean required) {
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(new Violation(field, "is required: one of " + allowed));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(field, "must be one of " + allowed));
            return null;
        }
    }
}
