package io.firebreak.response.model;

/** Whether a closed incident gets a post-mortem; P1 and P2 always do (drills excepted). */
public enum PostmortemDecision {
    REQUIRED, NOT_REQUIRED
}
