package io.firebreak.change.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of an emergency change: requested → approved → implementing → implemented → validated → reviewed, or
 * rejected, rolled back or cancelled on the way. Only the transitions below are allowed (409 otherwise).
 */
public enum ChangeState {
    REQUESTED, APPROVED, IMPLEMENTING, IMPLEMENTED, VALIDATED, REVIEWED, REJECTED, ROLLED_BACK, CANCELLED;

    /** Where a change may go from this state. */
    public Set<ChangeState> next() {
        return switch (this) {
            case REQUESTED -> EnumSet.of(APPROVED, REJECTED, CANCELLED);
            case APPROVED -> EnumSet.of(IMPLEMENTING, CANCELLED);
            case IMPLEMENTING -> EnumSet.of(IMPLEMENTED, ROLLED_BACK);
            case IMPLEMENTED -> EnumSet.of(VALIDATED, ROLLED_BACK);
            case VALIDATED -> EnumSet.of(REVIEWED, ROLLED_BACK);
            case REVIEWED, REJECTED, ROLLED_BACK, CANCELLED -> EnumSet.noneOf(ChangeState.class);
        };
    }

    public boolean canGoTo(ChangeState target) {
        return next().contains(target);
    }

    public boolean terminal() {
        return next().isEmpty();
    }
}
