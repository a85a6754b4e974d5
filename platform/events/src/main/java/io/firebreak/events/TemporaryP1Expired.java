package io.firebreak.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@value EventTypes#INCIDENT_TEMPORARY_P1_EXPIRED}: nobody confirmed or downgraded a temporary
 * P1 in time. The incident stays P1 and needs re-review; {@code escalateTo} are the business
 * service's owners (and {@code owningTeam} its team), whom consumers should page.
 */
public record TemporaryP1Expired(UUID incidentId, String key, String businessService, String owningTeam,
                                 List<String> escalateTo, Instant designatedAt, Instant expiredAt) {
}
