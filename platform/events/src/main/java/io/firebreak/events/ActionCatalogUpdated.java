package io.firebreak.events;

import java.time.Instant;
import java.util.List;

/**
 * Data of {@value EventTypes#ACTION_CATALOG_UPDATED}: a new version of the pre-authorised emergency action catalog.
 * Subject and key: {@code action-catalog}.
 *
 * @param actions the action names of the new version
 */
public record ActionCatalogUpdated(int version, List<String> actions, String changedBy, Instant changedAt, String note) {
}
