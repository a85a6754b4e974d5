package io.firebreak.platform.problem;

/** One violated field of a request: its JSON path and why it was refused. */
public record Violation(String field, String message) {
}
