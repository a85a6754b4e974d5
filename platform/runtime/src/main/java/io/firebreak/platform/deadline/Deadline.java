package io.firebreak.platform.deadline;

import java.time.Instant;
import java.util.UUID;

/**
 * A deadline being fired: what it is ({@code kind}, {@code subject}), when it was due, its JSON
 * payload as scheduled, and how many firings failed before this one.
 */
public record Deadline(UUID id, String kind, String subject, Instant dueAt, String payload, int attempts) {
}
