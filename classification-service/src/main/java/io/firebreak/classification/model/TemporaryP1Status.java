package io.firebreak.classification.model;

/** A temporary P1 is ACTIVE until confirmed, downgraded, or its window runs out (EXPIRED: re-review asked). */
public enum TemporaryP1Status {
    ACTIVE, CONFIRMED, DOWNGRADED, EXPIRED
}
