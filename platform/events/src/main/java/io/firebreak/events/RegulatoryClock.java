package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@value EventTypes#REGULATORY_CLOCK_STARTED} and {@value EventTypes#REGULATORY_CLOCK_OVERDUE}: a regulator's
 * notification window runs from awareness (e.g. 72 hours for a supervisory authority), or passed without a regulator
 * notice in the external-communications log. Subject and key: the incident id.
 */
public record RegulatoryClock(UUID incidentId, String incidentKey, UUID clockId, String regulation, String authority,
                                     Instant awareAt, Instant dueAt, String state, Instant at, boolean drill) {
}
