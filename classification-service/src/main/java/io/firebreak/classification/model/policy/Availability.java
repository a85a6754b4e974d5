package io.firebreak.classification.domain.policy;

/** How far the service is down. */
public enum Availability {
    DEGRADED, UNAVAILABLE
}
