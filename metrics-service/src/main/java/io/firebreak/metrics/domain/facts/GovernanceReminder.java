package io.firebreak.metrics.domain.facts;

import io.firebreak.metrics.config.MetricsConfig;
import io.firebreak.platform.deadline.Deadline;
import io.firebreak.platform.deadline.DeadlineHandler;
import io.firebreak.platform.deadline.Deadlines;
import io.firebreak.platform.delivery.OutboundDeliveries;
import io.firebreak.platform.delivery.OutboundMessage;
import io.firebreak.platform.time.Quarter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Reminds the governance group, {@code firebreak.metrics.governance-reminder-after} (14 days) into each quarter, to
 * hold and record the previous quarter's governance review when it has not been recorded yet. A durable deadline
 * (one replica fires it); each firing schedules the next quarter's, and an hourly check keeps one pending.
 */
@ApplicationScoped
public class GovernanceReminder implements DeadlineHandler {

    public static final String KIND = "metrics.governance-reminder";
    static final String SUBJECT = "quarterly";
    private static final Logger LOG = Logger.getLogger(GovernanceReminder.class);

    private final Governance governance;
    private final Deadlines deadlines;
    private final OutboundDeliveries deliveries;
    private final MetricsConfig config;
    private final Clock clock;

    public GovernanceReminder(Governance governance, Deadlines deadlines, OutboundDeliveries deliveries, MetricsConfig config, Clock clock) {
        this.governance = governance;
        this.deadlines = deadlines;
        this.deliveries = deliveries;
        this.config = config;
        this.clock = clock;
    }

    /** The next reminder moment after {@code at}: the start of a quarter plus the configured delay. */
    Instant next(Instant at) {
        Quarter q = Quarter.of(at);
        Instant due = q.start().plus(config.governanceReminderAfter());
        return due.isAfter(at) ? due : q.next().start().plus(config.governanceReminderAfter());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Scheduled(every = "1h", delayed = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> ensureScheduled() {
        return Panache.withTransaction(() -> deadlines.pendingDueAt(KIND, SUBJECT).chain(due -> due != null ? Uni.createFrom().voidItem()
                : deadlines.schedule(KIND, SUBJECT, next(clock.instant()), null)))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Scheduling the governance reminder failed, the next check retries: %s", e.getMessage());
                    return null;
                });
    }

    @Override
    public Uni<Void> fire(Deadline deadline) {
        Quarter previous = Quarter.of(deadline.dueAt()).previous();
        Uni<Void> next = deadlines.schedule(KIND, SUBJECT, next(deadline.dueAt()), null);
        List<String> recipients = config.governanceRecipients().or(config::reportRecipients).orElse(List.of());
        return governance.reviewed(previous).chain(reviewed -> {
            if (reviewed || recipients.isEmpty()) {
                return next;
            }
            Uni<Void> all = Uni.createFrom().voidItem();
            for (String to : recipients) {
                OutboundMessage mail = OutboundMessage.mail(to, "[Firebreak] The " + previous + " governance review is not recorded yet",
                        "The incident-management governance review of " + previous + " has not been recorded. Hold it and record the policy"
                                + " versions reviewed, the stakeholder feedback and the decisions: PUT /api/v1/metrics/governance/reviews/" + previous
                                + ". The responder feedback of the quarter is at GET /api/v1/metrics/governance/reviews/" + previous + ".",
                        null, List.of());
                all = all.chain(() -> deliveries.enqueue("metrics.governance", "governance/" + previous + "/" + to, null, mail, null).replaceWithVoid());
            }
            return all.chain(() -> next);
        });
    }
}
