package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@value EventTypes#PAGE_TRIGGERED}: a person is paged for an incident at an escalation level.
 * Subject and key: the incident id. One page per person, level and round per incident.
 *
 * @param round 0 for the first pass through the policy, 1 for its first repeat, …
 */
public record PageTriggered(UUID incidentId, String incidentKey, UUID pageId, UUID escalationId, String person,
                            @OptionalField String teamId, @OptionalField String role, int level, int round, Priority priority,
                            boolean drill, Instant declaredAt, Instant triggeredAt) {
}
