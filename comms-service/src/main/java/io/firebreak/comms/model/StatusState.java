package io.firebreak.comms.model;

/** What a status version says about the incident, Statuspage's vocabulary. */
public enum StatusState {
    INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED
}
