package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@value EventTypes#INCIDENT_PRIORITY_CHANGED}. {@code reason} says why: RECLASSIFIED,
 * TEMPORARY_P1_DESIGNATED, TEMPORARY_P1_CONFIRMED, TEMPORARY_P1_DOWNGRADED or FINAL (the priority recorded by
 * review, history only). A temporary P1's expiry changes no priority: it stays P1 until confirmed or downgraded.
 * {@code impact}: the incident's measured impact after the change, when the change came with new facts.
 */
public record PriorityChanged(UUID incidentId, String key, String businessService, @OptionalField Priority previousPriority,
                              Priority priority, String reason, @OptionalField String comment, @OptionalField Integer policyVersion,
                              String changedBy, Instant changedAt, @OptionalField ImpactSummary impact) {

    /** Without the impact summary (the facts did not change, or an older sender). */
    public PriorityChanged(UUID incidentId, String key, String businessService, Priority previousPriority, Priority priority, String reason,
                           String comment, Integer policyVersion, String changedBy, Instant changedAt) {
        this(incidentId, key, businessService, previousPriority, priority, reason, comment, policyVersion, changedBy, changedAt, null);
    }
}
