package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@value EventTypes#PAGE_FAILED}: no channel of the person could deliver the page (none
 * verified, or all failed). Escalation goes on. Subject and key: the incident id.
 */
public record PageFailed(UUID incidentId, UUID pageId, String person, String reason, Instant triggeredAt, Instant failedAt) {
}
