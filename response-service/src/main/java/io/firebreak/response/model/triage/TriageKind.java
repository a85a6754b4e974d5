package io.firebreak.response.model.triage;

/** What a triage log entry is: a hypothesis, a diagnostic that was run, or a finding. */
public enum TriageKind {
    HYPOTHESIS, DIAGNOSTIC, FINDING
}
