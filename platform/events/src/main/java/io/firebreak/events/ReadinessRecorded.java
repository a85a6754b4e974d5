package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@value EventTypes#READINESS_RECORDED}: how one person did in one role of a drill, measured when the
 * drill was resolved (again if it is resolved again after a reopening). {@code tookPart}: they accepted the
 * role; seconds are null where the step did not happen. A drill fact: never counted in real metrics.
 * Subject and key: the incident id.
 */
public record ReadinessRecorded(UUID incidentId, String incidentKey, String person, String role, boolean tookPart,
                                @OptionalField Long secondsToAcknowledge, @OptionalField Long secondsToAccept, int checklistDone,
                                int checklistTotal, int handoversOffered, int handoversAcknowledged, Instant drilledAt, boolean drill) {
}
