package io.firebreak.events;

import java.time.Instant;
import java.util.List;

/**
 * Data of {@value EventTypes#TEAM_CHANGED}: a response team as it now is. Subject and key: the team id.
 *
 * @param change created, updated
 */
public record TeamChanged(String teamId, String name, String manager, List<String> members, String change, String changedBy,
                          Instant changedAt) {
}
