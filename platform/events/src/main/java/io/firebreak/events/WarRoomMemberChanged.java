package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@value EventTypes#WARROOM_MEMBER_ADDED} and {@value EventTypes#WARROOM_MEMBER_REMOVED}: a person
 * joined or left an incident's war room. {@code kind}: RESPONDER or OBSERVER (added by the commander), ROLE or
 * PAGED (joined automatically). Consumers keep the members to show restricted incidents to them only.
 * Subject and key: the incident id.
 */
public record WarRoomMemberChanged(UUID incidentId, String incidentKey, String person, String kind, String by, Instant at,
                                   boolean drill) {
}
