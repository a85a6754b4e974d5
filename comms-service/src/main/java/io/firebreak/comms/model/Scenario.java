package io.firebreak.comms.model;

/** What kind of situation a template speaks about. */
public enum Scenario {
    OUTAGE, DEGRADATION, DATA_EXPOSURE, MAINTENANCE, RESOLVED
}
