package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/** Data of {@value EventTypes#INCIDENT_CLASSIFICATION_DISPUTED}: the reporter proposed another priority than the policy's. */
public record ClassificationDisputed(UUID incidentId, String key, String businessService, Priority policyPriority,
                                     Priority proposedPriority, String justification, Integer policyVersion,
                                     String reportedBy, Instant reportedAt) {
}
