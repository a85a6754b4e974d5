package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@value EventTypes#ESCALATION_WINDOW_BREACHED}: nobody acknowledged within a level's window.
 * Subject and key: the incident id.
 */
public record EscalationWindowBreached(UUID incidentId, UUID escalationId, @OptionalField String teamId, @OptionalField String role,
                                       int level, int round, long windowSeconds, Instant levelStartedAt, Instant breachedAt) {
}
