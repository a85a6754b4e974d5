package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@value EventTypes#CHANGE_REGRESSION_SUSPECTED}: within 24 hours of an emergency change's implementation a
 * new incident started on its target service or one that depends on it. Subject and key: the change's incident id.
 */
public record RegressionSuspected(UUID incidentId, String incidentKey, UUID changeId, String changeKey, String targetService,
                                  UUID newIncidentId, String newIncidentKey, String newIncidentService, Instant implementedAt,
                                  Instant startedAt, boolean drill) {
}
