package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@value EventTypes#ESCALATION_DELAYED}: someone held an escalation beyond its window, with a
 * written justification (also in the audit log). Subject and key: the incident id.
 */
public record EscalationDelayed(UUID incidentId, UUID escalationId, @OptionalField String teamId, int level, String delayedBy,
                                String justification, Instant previousDueAt, Instant delayedUntil, Instant delayedAt) {
}
