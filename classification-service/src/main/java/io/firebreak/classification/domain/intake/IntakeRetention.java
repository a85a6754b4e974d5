package io.firebreak.classification.domain.intake;

import io.firebreak.classification.config.ClassificationConfig;
import io.firebreak.classification.persistence.AlertGroupRepository;
import io.firebreak.classification.persistence.SignalRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Forgets raw signals after {@code retention.signals} and resolved alert groups that declared nothing
 * after {@code retention.resolved-groups}, in bounded batches, so a storm's payloads do not stay for
 * ever. Groups that declared or joined an incident stay: they are that incident's history.
 */
@ApplicationScoped
public class IntakeRetention {

    private static final Logger LOG = Logger.getLogger(IntakeRetention.class);
    private static final int BATCH = 10_000;

    private final SignalRepository signals;
    private final AlertGroupRepository groups;
    private final ClassificationConfig config;
    private final Clock clock;

    public IntakeRetention(SignalRepository signals, AlertGroupRepository groups, ClassificationConfig config, Clock clock) {
        this.signals = signals;
        this.groups = groups;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return purge().invoke(n -> {
            if (n > 0) {
                LOG.infof("Intake retention removed %d row(s)", n);
            }
        }).onFailure().recoverWithItem(e -> {
            LOG.warnf("Intake retention failed, next run retries: %s", e.getMessage());
            return 0;
        }).replaceWithVoid();
    }

    /** One batch of each; answers how many rows went. */
    public Uni<Integer> purge() {
        OffsetDateTime signalsBefore = OffsetDateTime.ofInstant(clock.instant().minus(config.retention().signals()), ZoneOffset.UTC);
        OffsetDateTime groupsBefore = OffsetDateTime.ofInstant(clock.instant().minus(config.retention().resolvedGroups()), ZoneOffset.UTC);
        return Panache.withTransaction(() -> signals.purgeReceivedBefore(signalsBefore, BATCH)
                .chain(removedSignals -> groups.purgeResolvedUnused(groupsBefore, BATCH).map(removedGroups -> removedSignals + removedGroups)));
    }
}
