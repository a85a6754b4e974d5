package io.firebreak.platform.problem;

import io.firebreak.platform.sql.SqlStates;

/**
 * Database refusals of a value itself (SQLSTATE class 22, "data exception"): a NUL character in text
 * (22021), a {@code \u0000} escape in JSON (22P05), a number or date out of the column's range (22003,
 * 22008). Within a request they come from what the caller sent, so the answer is 400, not 500; the
 * transaction was rolled back, nothing was stored.
 */
final class DataFailures {

    private DataFailures() {
    }

    static boolean isInvalidValue(Throwable e) {
        return SqlStates.anyCause(e, state -> state.startsWith("22"));
    }
}
