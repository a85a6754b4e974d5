package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/** Data of {@value EventTypes#INCIDENT_TEMPORARY_P1_DESIGNATED}: a borderline incident is treated as P1 until {@code expiresAt}. */
public record TemporaryP1Designated(UUID incidentId, String key, String businessService, Priority previousPriority,
                                    String justification, String designatedBy, Instant designatedAt, Instant expiresAt) {
}
