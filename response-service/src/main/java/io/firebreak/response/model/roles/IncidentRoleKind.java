package io.firebreak.response.model.roles;

import io.firebreak.response.model.oncall.ResponseRole;

/** The roles of a running incident: three held by one person at a time, experts and scribes by several. */
public enum IncidentRoleKind {
    INCIDENT_COMMANDER(true, ResponseRole.INCIDENT_COMMANDER),
    COMMS_LEAD(true, ResponseRole.COMMS_LEAD),
    TECH_LEAD(true, ResponseRole.TECH_LEAD),
    SUBJECT_MATTER_EXPERT(false, null),
    SCRIBE(false, null);

    private final boolean single;
    private final ResponseRole qualification;

    IncidentRoleKind(boolean single, ResponseRole qualification) {
        this.single = single;
        this.qualification = qualification;
    }

    /** Whether one person at a time holds it. */
    public boolean single() {
        return single;
    }

    /** The qualification a holder needs (null: none). */
    public ResponseRole qualification() {
        return qualification;
    }

    /** The incident role a paged on-call role fills (null for team on-call). */
    public static IncidentRoleKind of(ResponseRole role) {
        return switch (role) {
            case INCIDENT_COMMANDER -> INCIDENT_COMMANDER;
            case COMMS_LEAD -> COMMS_LEAD;
            case TECH_LEAD -> TECH_LEAD;
            case TEAM_ON_CALL -> null;
        };
    }
}
