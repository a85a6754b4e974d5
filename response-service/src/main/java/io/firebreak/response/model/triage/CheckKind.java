package io.firebreak.response.model.triage;

/** How a diagnostic looked: a query, a dashboard, a command, or something else. */
public enum CheckKind {
    QUERY, DASHBOARD, COMMAND, OTHER
}
