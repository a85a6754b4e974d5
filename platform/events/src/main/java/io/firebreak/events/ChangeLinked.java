package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@value EventTypes#CHANGE_LINKED}: a commit or deployment linked to an incident, and to an emergency
 * change when its message names one. Subject and key: the incident id.
 *
 * @param kind   COMMIT or DEPLOY
 * @param source GITHUB, GITLAB or PAGERDUTY
 * @param why    REFERENCE (the message names the incident or change) or CANDIDATE_CAUSE (a deploy of an affected
 *               service while the incident was active)
 */
public record ChangeLinked(UUID incidentId, String incidentKey, @OptionalField UUID changeId, @OptionalField String changeKey, UUID itemId,
                           String kind, String source, String why, @OptionalField String repository, @OptionalField String revision,
                           @OptionalField String service, @OptionalField String environment, String summary, @OptionalField String author,
                           @OptionalField String url, Instant occurredAt, Instant linkedAt, boolean drill) {
}
