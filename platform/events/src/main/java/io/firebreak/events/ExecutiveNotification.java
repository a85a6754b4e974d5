package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of the {@code exec_notification.*} events: an executive-notification rule fired for an incident
 * ({@value EventTypes#EXEC_NOTIFICATION_REQUIRED}), executives were notified through the executive template
 * ({@value EventTypes#EXEC_NOTIFICATION_SENT}), the notification was delayed with a justification
 * ({@value EventTypes#EXEC_NOTIFICATION_DELAYED}) or its window passed without either
 * ({@value EventTypes#EXEC_NOTIFICATION_OVERDUE}). Subject and key: the incident id.
 *
 * @param rule   DURATION, FINANCIAL or REGULATORY
 * @param dueAt  when executives must have been told (moved by a justified delay)
 * @param late   for a sent notification: whether it left after its window
 */
public record ExecutiveNotification(UUID incidentId, String incidentKey, UUID notificationId, String rule, String reason, Instant firedAt,
                                    Instant dueAt, String state, @OptionalField UUID messageId, @OptionalField Instant notifiedAt,
                                    @OptionalField Boolean late, @OptionalField String delayedBy, @OptionalField String justification,
                                    @OptionalField Instant delayedUntil, Instant at, boolean drill) {
}
