package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@value EventTypes#ESCALATION_ESCALATED}: an unacknowledged incident moved to the next level
 * of an escalation (or started the policy again). Per-hop latency: {@code escalatedAt - levelStartedAt}.
 * Subject and key: the incident id.
 */
public record EscalationEscalated(UUID incidentId, UUID escalationId, @OptionalField String teamId, @OptionalField String role,
                                  int fromLevel, int toLevel, int round, Priority priority, boolean drill, Instant levelStartedAt,
                                  Instant escalatedAt) {
}
