package io.firebreak.response.domain.bridge;

import io.firebreak.platform.deadline.Deadline;
import io.firebreak.platform.deadline.DeadlineHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** A bridge checkpoint came due (subject: the incident id). */
@ApplicationScoped
public class BridgeCheckpoint implements DeadlineHandler {

    private final Bridges bridges;

    public BridgeCheckpoint(Bridges bridges) {
        this.bridges = bridges;
    }

    @Override
    public String kind() {
        return Bridges.CHECKPOINT;
    }

    @Override
    public Uni<Void> fire(Deadline deadline) {
        return bridges.checkpointPassed(UUID.fromString(deadline.subject()), deadline.dueAt());
    }
}
