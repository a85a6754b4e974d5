package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@value EventTypes#PAGE_DELIVERED}: the first channel handed a page over (SMTP accepted it, a
 * webhook answered 2xx). Subject and key: the incident id.
 *
 * @param channel EMAIL, SMS, VOICE, SLACK, TEAMS or WEBHOOK
 */
public record PageDelivered(UUID incidentId, UUID pageId, String person, String channel, UUID contactMethodId, int attempts,
                            Instant triggeredAt, Instant deliveredAt) {
}
