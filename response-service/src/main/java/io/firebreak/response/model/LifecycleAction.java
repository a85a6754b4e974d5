package io.firebreak.response.model;

/** What moves a response from one status to the next. */
public enum LifecycleAction {
    ACKNOWLEDGE, MITIGATE, RESOLVE, CLOSE, REOPEN
}
