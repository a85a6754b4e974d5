package io.firebreak.classification.model.policy;

/** How far the service is down. */
public enum Availability {
    DEGRADED, UNAVAILABLE
}
