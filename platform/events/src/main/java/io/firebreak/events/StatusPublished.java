package io.firebreak.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@value EventTypes#STATUS_PUBLISHED}: a new version of an incident's status — the one source every
 * message derives from. Versions count from 1; each supersedes the one before, a correction names the version
 * it corrects. {@code nextUpdateDueAt} is absent once the state is RESOLVED. Subject and key: the incident id.
 */
public record StatusPublished(UUID incidentId, String incidentKey, int version, String state, String impact,
                              List<String> affectedServices, @OptionalField Instant nextUpdateDueAt, @OptionalField Integer correctionOf,
                              String publishedBy, Instant publishedAt, Priority priority, boolean drill) {
}
