package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@value EventTypes#ROLE_RELEASED}: a person no longer holds a role of an incident (held from
 * {@code heldFrom} to {@code releasedAt}). Subject and key: the incident id.
 */
public record RoleReleased(UUID incidentId, String incidentKey, UUID assignmentId, String role, String person, Instant heldFrom,
                           Instant releasedAt, String releasedBy, @OptionalField String reason, boolean drill) {
}
