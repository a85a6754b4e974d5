package io.firebreak.metrics.messaging;

import io.firebreak.metrics.domain.facts.MetricsProjection;
import io.firebreak.platform.access.AccessProjection;
import io.firebreak.platform.inbox.BatchInbox;
import io.firebreak.platform.inbox.CloudEventEnvelope;
import io.firebreak.platform.work.OneAtATime;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Metrics builds its projections from the classification, response and review topics through the idempotent inbox,
 * a polled batch per transaction: metrics follows the paging path, and when it falls behind during a burst it catches
 * up at one commit (and one write of the shared rollup rows) per poll instead of one per event.
 * <p>
 * The three topics' batches take their turn here, before their transactions begin: each fold takes metrics' fold
 * lock first (MetricsProjection#applyAll), and a batch that waited for it inside its transaction kept that
 * transaction open for seconds during a burst (2.6 s on average, pg_stat_statements), holding back PostgreSQL's
 * cleanup for every service's tables. The lock stays for other replicas; within this one it is no longer contended.
 */
@ApplicationScoped
public class EventsConsumer {

    private final BatchInbox inbox;
    private final MetricsProjection projection;
    private final AccessProjection access;
    private final OneAtATime folds = new OneAtATime();

    public EventsConsumer(BatchInbox inbox, MetricsProjection projection, AccessProjection access) {
        this.inbox = inbox;
        this.projection = projection;
        this.access = access;
    }

    private static boolean wanted(String type) {
        return MetricsProjection.TYPES.contains(type) || AccessProjection.TYPES.contains(type);
    }

    @Incoming("classification-events")
    public Uni<Void> classification(KafkaRecordBatch<String, byte[]> batch) {
        return folds.run(() -> inbox.handle(batch, "metrics.classification-events", EventsConsumer::wanted, this::applyAll, this::apply));
    }

    @Incoming("response-events")
    public Uni<Void> response(KafkaRecordBatch<String, byte[]> batch) {
        return folds.run(() -> inbox.handle(batch, "metrics.response-events", EventsConsumer::wanted, this::applyAll, this::apply));
    }

    @Incoming("review-events")
    public Uni<Void> review(KafkaRecordBatch<String, byte[]> batch) {
        return folds.run(() -> inbox.handle(batch, "metrics.review-events", EventsConsumer::wanted, this::applyAll, this::apply));
    }

    private Uni<Void> applyAll(List<CloudEventEnvelope> events) {
        return projection.applyAll(events, this::membership);
    }

    /** One event alone: a batch that could not commit is replayed record by record, so only the failing one is dead-lettered. */
    private Uni<Void> apply(CloudEventEnvelope event) {
        return applyAll(List.of(event));
    }

    /** page.triggered is both an incident fact and a war-room membership (the paged person joins it). */
    private Uni<Void> membership(CloudEventEnvelope event) {
        return AccessProjection.TYPES.contains(event.type()) ? access.apply(event).replaceWithVoid() : Uni.createFrom().voidItem();
    }
}
