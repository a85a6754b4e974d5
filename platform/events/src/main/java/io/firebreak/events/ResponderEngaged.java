package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@value EventTypes#RESPONDER_ENGAGED}: a person acknowledged their page (or the incident) and
 * is working on it; once per person per incident. Subject and key: the incident id.
 *
 * @param teamId the team they were paged for (MTTE: time to engage the team that resolves)
 */
public record ResponderEngaged(UUID incidentId, String person, @OptionalField String teamId, @OptionalField String role,
                               @OptionalField UUID pageId, String via, @OptionalField Instant triggeredAt, Instant engagedAt) {
}
