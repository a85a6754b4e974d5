package io.firebreak.metrics.domain.facts;

import io.firebreak.platform.deadline.Deadline;
import io.firebreak.platform.deadline.DeadlineHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The grace an incident first heard of without its declaration had for that declaration ended: the incident is judged
 * again as at the deadline's moment (not the firing replica's clock, which may read a hair earlier), so a declaration
 * still missing becomes an UNKNOWN_INCIDENT finding.
 */
@ApplicationScoped
public class UnknownIncidentCheck implements DeadlineHandler {

    public static final String KIND = "metrics.unknown-incident";

    private final MetricsProjection projection;
    private final Clock clock;

    public UnknownIncidentCheck(MetricsProjection projection, Clock clock) {
        this.projection = projection;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Uni<Void> fire(Deadline deadline) {
        Instant now = clock.instant();
        return projection.graceEnded(UUID.fromString(deadline.subject()), now.isAfter(deadline.dueAt()) ? now : deadline.dueAt());
    }
}
