package io.firebreak.classification.domain;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Periodically expires temporary P1s whose window passed. Replicas may all run it: optimistic locking keeps one winner per incident. */
@ApplicationScoped
public class TemporaryP1Expiry {

    private static final Logger LOG = Logger.getLogger(TemporaryP1Expiry.class);

    private final TemporaryP1s temporaryP1s;

    public TemporaryP1Expiry(TemporaryP1s temporaryP1s) {
        this.temporaryP1s = temporaryP1s;
    }

    @Scheduled(every = "${firebreak.classification.temporary-p1.check-interval:10s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> expire() {
        return temporaryP1s.expireDue()
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("Expired %d temporary P1(s); re-review requested", n);
                    }
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Temporary P1 expiry run failed, next run retries: %s", e.getMessage());
                    return 0;
                })
                .replaceWithVoid();
    }
}
