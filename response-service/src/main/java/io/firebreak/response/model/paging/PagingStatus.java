package io.firebreak.response.model.paging;

/** Where an incident's paging stands. */
public enum PagingStatus {
    /** Pages go out and escalate until someone acknowledges. */
    ACTIVE,
    ACKNOWLEDGED,
    /** Downgraded below P2 (or the response ended) before anyone acknowledged. */
    STOPPED,
    /** P3/P4: nobody is paged; the notice is recorded. */
    LOW_URGENCY
}
