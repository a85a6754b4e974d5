package io.firebreak.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@value EventTypes#CHANGE_EFFECTIVENESS_REVIEWED} and {@value EventTypes#CHANGE_EFFECTIVENESS_OVERDUE}: the
 * 24-hour effectiveness review of an implemented emergency change. Subject and key: the incident id.
 *
 * @param outcome             EFFECTIVE, PARTIALLY_EFFECTIVE, NOT_EFFECTIVE or CAUSED_REGRESSION (absent while overdue)
 * @param impactStopped       whether the incident was mitigated or resolved after the implementation
 * @param suspectedRegressions the keys of incidents that started on the target or a dependent service in the window
 * @param suspectedAlerts     alert groups ({@code <service>/<dedupKey>}) that first triggered on those services in the window
 * @param escalationLevel     for an overdue review: 1 when it fell due, 2 … each escalation after
 */
public record EffectivenessReview(UUID incidentId, String incidentKey, UUID changeId, String changeKey, Instant implementedAt,
                                  Instant dueAt, @OptionalField String outcome, @OptionalField String reviewedBy,
                                  @OptionalField String notes, boolean impactStopped, List<String> suspectedRegressions, List<String> suspectedAlerts,
                                  @OptionalField Integer escalationLevel, Instant at, boolean drill) {
}
