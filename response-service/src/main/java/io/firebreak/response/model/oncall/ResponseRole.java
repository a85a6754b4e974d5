package io.firebreak.response.model.oncall;

/**
 * The roles a schedule can fill. The three incident roles need a valid qualification of whoever holds
 * them; team on-call needs membership of the team.
 */
public enum ResponseRole {
    INCIDENT_COMMANDER(true),
    COMMS_LEAD(true),
    TECH_LEAD(true),
    TEAM_ON_CALL(false);

    private final boolean qualificationRequired;

    ResponseRole(boolean qualificationRequired) {
        this.qualificationRequired = qualificationRequired;
    }

    public boolean qualificationRequired() {
        return qualificationRequired;
    }
}
