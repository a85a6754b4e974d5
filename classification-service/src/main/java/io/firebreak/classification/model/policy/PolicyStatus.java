package io.firebreak.classification.model.policy;

/** DRAFT (evaluable only) → PENDING_SIGNOFF → ACTIVE (used for live incidents) → SUPERSEDED. */
public enum PolicyStatus {
    DRAFT, PENDING_SIGNOFF, ACTIVE, SUPERSEDED
}
