package io.firebreak.metrics.messaging;

import io.firebreak.metrics.domain.facts.MetricsProjection;
import io.firebreak.platform.access.AccessProjection;
import io.firebreak.platform.inbox.CloudEventEnvelope;
import io.firebreak.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Metrics builds its projections from the classification, response and review topics through the idempotent inbox. */
@ApplicationScoped
public class EventsConsumer {

    private final Inbox inbox;
    private final MetricsProjection projection;
    private final AccessProjection access;

    public EventsConsumer(Inbox inbox, MetricsProjection projection, AccessProjection access) {
        this.inbox = inbox;
        this.projection = projection;
        this.access = access;
    }

    private static boolean wanted(String type) {
        return MetricsProjection.TYPES.contains(type) || AccessProjection.TYPES.contains(type);
    }

    @Incoming("classification-events")
    public Uni<Void> classification(Message<byte[]> message) {
        return inbox.handle(message, "metrics.classification-events", EventsConsumer::wanted, this::apply);
    }

    @Incoming("response-events")
    public Uni<Void> response(Message<byte[]> message) {
        return inbox.handle(message, "metrics.response-events", EventsConsumer::wanted, this::apply);
    }

    @Incoming("review-events")
    public Uni<Void> review(Message<byte[]> message) {
        return inbox.handle(message, "metrics.review-events", EventsConsumer::wanted, this::apply);
    }

    private Uni<Void> apply(CloudEventEnvelope event) {
        // page.triggered is both an incident fact and a war-room membership (the paged person joins it).
        Uni<Void> membership = AccessProjection.TYPES.contains(event.type()) ? access.apply(event).replaceWithVoid() : Uni.createFrom().voidItem();
        return membership.chain(() -> MetricsProjection.TYPES.contains(event.type()) ? projection.apply(event) : Uni.createFrom().voidItem());
    }
}
