package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@value EventTypes#ESCALATION_ESCALATED}: an unacknowledged incident moved to the next level
 * of an escalation (or started the policy again). Per-hop latency: {@code escalatedAt - levelStartedAt}.
 * {@code reason}: {@code WINDOW_BREACHED} (nobody acknowledged in the level's window), {@code NOBODY_AVAILABLE} (the
 * level had nobody available to page, so it was passed at once) or {@code HOLDER_UNAVAILABLE} (everyone paged at
 * the level was marked unavailable). Subject and key: the incident id.
 */
public record EscalationEscalated(UUID incidentId, UUID escalationId, @OptionalField String teamId, @OptionalField String role,
                                  int fromLevel, int toLevel, int round, Priority priority, boolean drill, Instant levelStartedAt,
                                  Instant escalatedAt, @OptionalField String reason) {
}
