package io.firebreak.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@value EventTypes#DRILL_DEFINED}: the scenario of a drill incident and whom it exercises in which
 * role. Always a drill: nothing about it counts in real metrics. Subject and key: the incident id.
 */
public record DrillDefined(UUID incidentId, String incidentKey, String scenario, List<Participant> participants, String by, Instant at,
                           boolean drill) {

    /** A person and the incident role they play. */
    public record Participant(String person, String role) {
    }
}
