package io.firebreak.platform.access;

/** What a caller may know of one incident: whether it exists here, is restricted, and the caller is in its war room. */
public record Sight(boolean known, boolean restricted, boolean member) {

    /** Whether a caller who is not an auditor or admin may see it; an unknown incident is as invisible as a hidden one. */
    public boolean visible() {
        return known && (!restricted || member);
    }
}
