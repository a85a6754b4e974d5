package io.firebreak.platform.inbox;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Periodically forgets old processed event ids, so the inbox table stays small. */
@ApplicationScoped
public class InboxPurge {

    private final Inbox inbox;

    public InboxPurge(Inbox inbox) {
        this.inbox = inbox;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return inbox.purge().replaceWithVoid();
    }
}
