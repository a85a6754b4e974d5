package io.firebreak.classification.model;

/**
 * How an incident's priority was decided: by the signed policy that governs its service; by the
 * reporter (no signed policy governs the service); or, for an alert, by its severity and the
 * service's tier (no signed policy governs the service: "unclassified" until one does).
 */
public enum ClassificationBasis {
    POLICY, REPORTER, SEVERITY
}
