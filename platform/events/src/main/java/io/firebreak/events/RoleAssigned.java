package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@value EventTypes#ROLE_ASSIGNED}: a person accepted a role of an incident and holds it from
 * {@code acceptedAt}. Subject and key: the incident id.
 *
 * @param role                  INCIDENT_COMMANDER, COMMS_LEAD, TECH_LEAD, SUBJECT_MATTER_EXPERT or SCRIBE
 * @param source                ROTATION (the on-call holder paged for the role) or MANUAL
 * @param pagedAt               when the person was paged for the role (rotation): acceptance latency counts from it
 * @param overrideJustification why an admin put a person without the role's qualification into it
 */
public record RoleAssigned(UUID incidentId, String incidentKey, UUID assignmentId, String role, String person, String source,
                           String proposedBy, Instant proposedAt, @OptionalField UUID pageId, @OptionalField Instant pagedAt,
                           Instant acceptedAt, @OptionalField String overrideBy, @OptionalField String overrideJustification,
                           boolean drill) {
}
