package io.firebreak.classification.domain;

import io.firebreak.events.Priority;
import java.time.Instant;

/** A validated manual declaration, as the domain receives it. */
public record Declaration(String title, String summary, String businessService, Priority priority,
                          Instant detectedAt, String declaredBy) {
}
