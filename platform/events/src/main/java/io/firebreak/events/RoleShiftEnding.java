package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@value EventTypes#ROLE_HANDOVER_DUE} (the holder's shift ends soon: prepare a handover) and
 * {@value EventTypes#ROLE_SHIFT_EXCEEDED} (the shift ended and the role was not handed over: for the
 * incident commander and the owning team's manager). Subject and key: the incident id.
 */
public record RoleShiftEnding(UUID incidentId, String incidentKey, UUID assignmentId, String role, String person, Instant heldSince,
                              Instant shiftEndsAt, @OptionalField String incidentCommander, @OptionalField String teamManager,
                              Instant detectedAt, boolean drill) {
}
