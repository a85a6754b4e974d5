package io.firebreak.response.model;

/** Lifecycle of an incident response: declared → acknowledged → mitigated → resolved → closed. */
public enum ResponseStatus {
    DECLARED, ACKNOWLEDGED, MITIGATED, RESOLVED, CLOSED
}
