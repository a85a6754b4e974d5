package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@value EventTypes#ROLE_HANDED_OVER}: a held role moved from one person to another after the
 * incoming person acknowledged version {@code briefVersion} of the outgoing holder's brief. Published
 * beside the {@code role.released} of the one and the {@code role.assigned} of the other. Subject and
 * key: the incident id.
 */
public record RoleHandedOver(UUID incidentId, String incidentKey, UUID handoverId, String role, String fromPerson, String toPerson,
                             UUID fromAssignmentId, UUID toAssignmentId, int briefVersion, Instant offeredAt, Instant acknowledgedAt,
                             boolean drill) {
}
