package io.firebreak.classification.domain.intake;

import io.firebreak.classification.config.ClassificationConfig;
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

    private final ClassificationConfig config;
    private final Clock clock;

    public IntakeRetention(ClassificationConfig config, Clock clock) {
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
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "delete from classification.signal where id in (select id from classification.signal"
                                + " where received_at < :before limit " + BATCH + ")")
                .setParameter("before", signalsBefore).executeUpdate()
                .chain(signals -> session.createNativeQuery(
                                "delete from classification.alert_group g where g.id in (select id from classification.alert_group"
                                        + " where status = 'RESOLVED' and incident_id is null and resolved_at < :before limit " + BATCH + ")"
                                        + " and not exists (select 1 from classification.signal s where s.alert_group_id = g.id)")
                        .setParameter("before", groupsBefore).executeUpdate()
                        .map(groups -> signals + groups))));
    }
}
