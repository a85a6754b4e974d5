package io.firebreak.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@value EventTypes#RECURRENCE_THRESHOLD_BREACHED}, published by metrics. Subject and key: the business
 * service. Incidents on one service that share an alert fingerprint or a contributing factor within the window
 * reached the configured threshold; review opens an architectural review linked to them.
 *
 * @param basis       ALERT_FINGERPRINT or CONTRIBUTING_FACTOR: what the recurring incidents share
 * @param basisValue  the fingerprint, or the factor's category/subcategory
 * @param windowDays  the window the incidents fall in (90 by default)
 * @param threshold   how many incidents in the window breach it
 * @param incidents   the recurring incidents, oldest first
 */
public record RecurrenceThresholdBreached(String service, @OptionalField String owningTeam, String basis, String basisValue, int windowDays,
                                          int threshold, List<RecurringIncident> incidents, Instant detectedAt) {

    /** One of the recurring incidents. */
    public record RecurringIncident(UUID incidentId, String incidentKey, Instant declaredAt) {
    }
}
