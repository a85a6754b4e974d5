package io.firebreak.classification.model.policy;

/** Whether data left the organisation's control. */
public enum DataExposure {
    NONE, SUSPECTED, CONFIRMED
}
