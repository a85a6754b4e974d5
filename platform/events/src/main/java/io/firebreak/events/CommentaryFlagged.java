package io.firebreak.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@value EventTypes#COMMENTARY_FLAGGED}: a member of staff outside the comms roles posted publicly about an
 * active incident; for its Communications Lead (named when it has one). Subject and key: the incident id.
 *
 * @param matched what in the post referenced the incident (its key, its business service, a keyword)
 */
public record CommentaryFlagged(UUID incidentId, String incidentKey, UUID mentionId, String source, String author, String url,
                                String excerpt, List<String> matched, @OptionalField String communicationsLead, Instant postedAt,
                                Instant flaggedAt, boolean drill) {
}
