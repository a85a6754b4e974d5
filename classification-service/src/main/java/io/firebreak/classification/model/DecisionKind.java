package io.firebreak.classification.model;

/** Why a priority was decided. */
public enum DecisionKind {
    DECLARED, AUTO_DECLARED, RECLASSIFIED, TEMPORARY_P1, TEMPORARY_P1_CONFIRMED, TEMPORARY_P1_DOWNGRADED,
    TEMPORARY_P1_EXPIRED, FINAL
}
