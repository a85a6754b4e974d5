package io.firebreak.classification.model.catalog;

/** HARD: the dependent fails when its dependency fails. SOFT: it degrades. */
public enum DependencyKind {
    HARD, SOFT
}
