package io.firebreak.classification.domain.policy;

/** Whether data left the organisation's control. */
public enum DataExposure {
    NONE, SUSPECTED, CONFIRMED
}
