package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@value EventTypes#PAGE_ACKNOWLEDGED}: the incident's first acknowledgement; escalation stops.
 * Later acknowledgements are recorded, not published. Subject and key: the incident id.
 *
 * @param via         API, LINK or CHAT
 * @param firstPageAt when the first page of the incident was triggered (MTTA counts from declaredAt)
 */
public record PageAcknowledged(UUID incidentId, String incidentKey, @OptionalField UUID pageId, String acknowledgedBy, String via,
                               Priority priority, boolean drill, Instant declaredAt, @OptionalField Instant firstPageAt,
                               Instant acknowledgedAt) {
}
