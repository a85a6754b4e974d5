package io.firebreak.platform.deadline;

import io.smallrye.mutiny.Uni;

/**
 * Fires the deadlines of one kind. A service declares one {@code @ApplicationScoped} bean per kind.
 * {@link #fire} runs inside the transaction that marks the deadline fired: its effects (state
 * changes, outbox events, new deadlines) commit together with the firing or not at all, so a crash
 * means the deadline fires again later, never that it fired half or twice. A failure rolls the
 * effects back and the deadline is retried with backoff.
 */
public interface DeadlineHandler {

    /** The kind this handler fires, e.g. {@code response.escalation-window}. */
    String kind();

    Uni<Void> fire(Deadline deadline);
}
