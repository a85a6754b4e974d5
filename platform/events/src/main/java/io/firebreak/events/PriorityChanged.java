package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@value EventTypes#INCIDENT_PRIORITY_CHANGED}. {@code reason} says why: RECLASSIFIED,
 * TEMPORARY_P1_CONFIRMED, TEMPORARY_P1_DOWNGRADED or FINAL (the priority recorded by review).
 */
public record PriorityChanged(UUID incidentId, String key, String businessService, @OptionalField Priority previousPriority,
                              Priority priority, String reason, @OptionalField String comment, @OptionalField Integer policyVersion,
                              String changedBy, Instant changedAt) {
}
