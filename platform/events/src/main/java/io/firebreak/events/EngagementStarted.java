package io.firebreak.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@value EventTypes#ENGAGEMENT_STARTED}: legal, compliance or PR was engaged on an incident because its
 * characteristics met a criterion. Subject and key: the incident id.
 *
 * @param function LEGAL, COMPLIANCE or PR
 * @param criteria which criteria met (e.g. "data exposure suspected")
 * @param notified the addresses told
 */
public record EngagementStarted(UUID incidentId, String incidentKey, UUID engagementId, String function, List<String> criteria,
                                List<String> notified, Instant startedAt, boolean drill) {
}
