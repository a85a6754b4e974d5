package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of the response lifecycle events — {@value EventTypes#RESPONSE_ACKNOWLEDGED},
 * {@value EventTypes#RESPONSE_MITIGATED}, {@value EventTypes#RESPONSE_RESOLVED},
 * {@value EventTypes#RESPONSE_CLOSED} and {@value EventTypes#RESPONSE_REOPENED}: the transition, and
 * every moment metrics count from as the record holds it after the transition (a reopening clears
 * mitigation, resolution and closure; the first acknowledgement stays). Subject and key: the incident id.
 *
 * @param via                 for an acknowledgement: API, LINK or CHAT
 * @param note                the transition's note (a reopening's reason)
 * @param resolutionSummary   present from the resolution until a reopening
 * @param postmortemDecision  REQUIRED or NOT_REQUIRED, on closure
 * @param reopenCount         how often the response was reopened, this one included
 */
public record ResponseStatusChanged(UUID incidentId, String incidentKey, String businessService, Priority priority, boolean drill,
                                    String status, String previousStatus, String changedBy, Instant changedAt,
                                    @OptionalField String via, @OptionalField String note,
                                    Instant detectedAt, Instant declaredAt, @OptionalField Instant acknowledgedAt,
                                    @OptionalField String acknowledgedBy, @OptionalField Instant mitigatedAt,
                                    @OptionalField Instant resolvedAt, @OptionalField Instant closedAt,
                                    @OptionalField String resolutionSummary, @OptionalField String postmortemDecision,
                                    @OptionalField String postmortemReason, int reopenCount) {
}
