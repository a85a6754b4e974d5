package io.firebreak.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@value EventTypes#WARROOM_RESTRICTED} and {@value EventTypes#WARROOM_RESTRICTION_LIFTED}: from now
 * on the incident is (or no longer is) visible only to its war room, auditors and admins. {@code members} is
 * the war room at that moment, so a consumer can start enforcing without having followed every member event.
 * Subject and key: the incident id.
 */
public record IncidentRestrictionChanged(UUID incidentId, String incidentKey, boolean restricted, String reason, String by,
                                         Instant at, List<String> members, boolean drill) {
}
