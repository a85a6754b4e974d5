package io.firebreak.classification.domain;

import io.firebreak.platform.deadline.Deadline;
import io.firebreak.platform.deadline.DeadlineHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * A temporary P1's window, as a durable deadline scheduled with the designation and cancelled by its
 * confirmation or downgrade: each expiry fires once, in its own transaction, whichever replica runs it.
 */
@ApplicationScoped
public class TemporaryP1Expiry implements DeadlineHandler {

    private final TemporaryP1s temporaryP1s;

    public TemporaryP1Expiry(TemporaryP1s temporaryP1s) {
        this.temporaryP1s = temporaryP1s;
    }

    @Override
    public String kind() {
        return TemporaryP1s.EXPIRY;
    }

    @Override
    public Uni<Void> fire(Deadline deadline) {
        return temporaryP1s.expireIfDue(UUID.fromString(deadline.subject()));
    }
}
