package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@value EventTypes#INCIDENT_TEMPORARY_P1_DESIGNATED}: a borderline incident is treated as P1 until
 * {@code expiresAt}. The priority change itself is also published as {@value EventTypes#INCIDENT_PRIORITY_CHANGED}
 * (reason {@code TEMPORARY_P1_DESIGNATED}); subscribers that act on the priority need only that one.
 *
 * @param borderlineBecause why the case is borderline when the policy did not find it so (absent when it did)
 */
public record TemporaryP1Designated(UUID incidentId, String key, String businessService, Priority previousPriority,
                                    String justification, String designatedBy, Instant designatedAt, Instant expiresAt,
                                    @OptionalField String borderlineBecause) {
}
