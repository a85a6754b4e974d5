package io.firebreak.events;

import java.time.Instant;
import java.util.List;

/**
 * Data of {@value EventTypes#SERVICE_REGISTERED} and {@value EventTypes#SERVICE_UPDATED}: a business
 * service of the catalog as it now is. Subject and key: the service name.
 */
public record ServiceChanged(String name, int tier, String owningTeam, List<String> owners, boolean customerFacing,
                             boolean regulated, @OptionalField String onCallTeam, String change, String changedBy, Instant changedAt) {
}
