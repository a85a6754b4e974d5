package io.firebreak.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@value EventTypes#DATA_QUALITY_FINDING}, published by metrics. Subject and key: the incident id. A
 * validation rule now holds for the incident (it is excluded from every metric), or — {@code resolved} — no longer
 * holds after a later event corrected the data upstream (it is counted again).
 *
 * @param rule      MISSING_TIMESTAMP, IMPOSSIBLE_ORDER, PRIORITY_AFTER_RESOLUTION, UNRESOLVED_DISPUTE, UNKNOWN_INCIDENT, CLOCK_SKEW
 * @param evidence  the ids of the events that show it (their {@code ce_id})
 */
public record DataQualityFinding(UUID incidentId, @OptionalField String incidentKey, String rule, String detail, List<String> evidence,
                                 boolean resolved, Instant at, boolean drill) {
}
