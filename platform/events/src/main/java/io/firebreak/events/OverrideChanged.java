package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@value EventTypes#OVERRIDE_CHANGED}: someone covers (or no longer covers) a schedule for a
 * while. Subject and key: the team id.
 *
 * @param replaces whose time the override covers; absent when it covers whoever is on call
 * @param change   created, removed
 */
public record OverrideChanged(UUID overrideId, UUID scheduleId, String teamId, String role, String person,
                              @OptionalField String replaces, Instant startsAt, Instant endsAt, @OptionalField String reason,
                              String change, String changedBy, Instant changedAt) {
}
