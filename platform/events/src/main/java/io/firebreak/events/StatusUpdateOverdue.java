package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@value EventTypes#STATUS_UPDATE_OVERDUE}: the next status update was due and no new version came;
 * for the Communications Lead (named when the incident has one). Subject and key: the incident id.
 */
public record StatusUpdateOverdue(UUID incidentId, String incidentKey, int version, Instant dueAt,
                                  @OptionalField String communicationsLead, Instant detectedAt, boolean drill) {
}
