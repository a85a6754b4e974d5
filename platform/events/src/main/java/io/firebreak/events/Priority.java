package io.firebreak.events;

/** Incident priority: P1 critical, P2 high, P3 moderate, P4 low. */
public enum Priority {
    P1, P2, P3, P4;

    public boolean isHighPriority() {
        return this == P1 || this == P2;
    }
}
