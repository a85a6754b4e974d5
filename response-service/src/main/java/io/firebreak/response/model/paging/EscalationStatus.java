package io.firebreak.response.model.paging;

public enum EscalationStatus {
    ACTIVE, ACKNOWLEDGED, STOPPED,
    /** Every level (and repeat) was paged without an acknowledgement. */
    EXHAUSTED
}
