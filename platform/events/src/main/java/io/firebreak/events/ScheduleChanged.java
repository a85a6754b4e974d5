package io.firebreak.events;

import java.time.Instant;
import java.util.List;

/**
 * Data of {@value EventTypes#SCHEDULE_CHANGED}: an on-call schedule was created, changed or deleted.
 * Subject and key: the team id, so one team's on-call changes stay in order.
 *
 * @param role       INCIDENT_COMMANDER, COMMS_LEAD, TECH_LEAD or TEAM_ON_CALL
 * @param succession ordered backups paged when the holder does not acknowledge or is unavailable
 * @param change     created, updated, deleted
 */
public record ScheduleChanged(java.util.UUID scheduleId, String teamId, String role, String name, String timeZone,
                              List<String> participants, List<String> succession, int version, String change, String changedBy,
                              Instant changedAt) {
}
