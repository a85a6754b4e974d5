package io.firebreak.comms.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.comms.domain.engagement.Engagements;
import io.firebreak.comms.domain.executive.ExecutiveNotifications;
import io.firebreak.comms.domain.incidents.IncidentProjection;
import io.firebreak.events.EventTypes;
import io.firebreak.events.IncidentDeclared;
import io.firebreak.events.PriorityChanged;
import io.firebreak.platform.inbox.CloudEventEnvelope;
import io.firebreak.platform.inbox.BatchInbox;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Learns incidents, their priority and measured impact from classification (and re-evaluates executive thresholds); other event types are acknowledged and skipped. */
@ApplicationScoped
public class ClassificationEventsConsumer {

    static final String CONSUMER = "comms.classification-events";

    private final BatchInbox inbox;
    private final IncidentProjection incidents;
    private final ExecutiveNotifications executive;
    private final Engagements engagements;
    private final ObjectMapper mapper;

    public ClassificationEventsConsumer(BatchInbox inbox, IncidentProjection incidents, ExecutiveNotifications executive, Engagements engagements,
                                        ObjectMapper mapper) {
        this.engagements = engagements;
        this.executive = executive;
        this.inbox = inbox;
        this.incidents = incidents;
        this.mapper = mapper;
    }

    @Incoming("classification-events")
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.handleEach(batch, CONSUMER, type -> EventTypes.INCIDENT_DECLARED.equals(type)
                || EventTypes.INCIDENT_PRIORITY_CHANGED.equals(type), this::apply);
    }

    private Uni<Void> apply(CloudEventEnvelope event) {
        if (EventTypes.INCIDENT_DECLARED.equals(event.type())) {
            IncidentDeclared d = event.data(mapper, IncidentDeclared.class);
            // Only a newly learnt incident is evaluated: a redelivered declaration changes nothing.
            return incidents.declared(d).chain(created -> !created ? Uni.createFrom().voidItem()
                    : executive.evaluate(d.incidentId()).chain(() -> engagements.evaluate(d.incidentId(), d.declaredAt())));
        }
        if (EventTypes.INCIDENT_PRIORITY_CHANGED.equals(event.type())) {
            PriorityChanged c = event.data(mapper, PriorityChanged.class);
            return incidents.priorityChanged(c).chain(changed -> !changed ? Uni.createFrom().voidItem()
                    : executive.evaluate(c.incidentId()).chain(() -> engagements.evaluate(c.incidentId(), c.changedAt())));
        }
        return Uni.createFrom().voidItem();
    }
}
