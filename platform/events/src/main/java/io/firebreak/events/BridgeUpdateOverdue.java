package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@value EventTypes#BRIDGE_UPDATE_OVERDUE}: the bridge's checkpoint passed without an update;
 * published again each further cadence that passes without one. Subject and key: the incident id.
 *
 * @param incidentCommander the incident's accepted commander, to remind (absent when nobody holds command)
 */
public record BridgeUpdateOverdue(UUID incidentId, String incidentKey, Priority priority, Instant checkpointAt, int cadenceMinutes,
                                  @OptionalField String incidentCommander, Instant detectedAt, boolean drill) {
}
