package io.firebreak.platform.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Bean Validation results as problem violations, named the way a client wrote the request. */
public final class Violations {

    private Violations() {
    }

    /** Every violation, field by field, in a stable order. */
    public static List<Violation> of(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> new Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
                .toList();
    }

    /** The request-body field of a violation ({@code items[2].name}), without method and Java parameter names. */
    public static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> { }
                case PARAMETER -> parameter = node.getName();
                default -> {
                    if (node.isInIterable()) {
                        String key = node.getIndex() != null ? String.valueOf(node.getIndex()) : String.valueOf(node.getKey());
                        if (names.isEmpty()) {
                            names.add("[" + key + "]"); // the body itself is the list: "[0].kind"
                        } else {
                            names.set(names.size() - 1, names.get(names.size() - 1) + "[" + key + "]");
                        }
                    }
                    if (node.getName() != null) {
                        names.add(node.getName());
                    }
                }
            }
        }
        // A query or path parameter is named by itself; a body field by its path inside the body.
        return names.isEmpty() ? String.valueOf(parameter) : String.join(".", names);
    }
}
