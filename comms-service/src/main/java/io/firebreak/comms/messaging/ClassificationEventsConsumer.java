package io.firebreak.comms.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.comms.domain.incidents.IncidentProjection;
import io.firebreak.events.EventTypes;
import io.firebreak.events.IncidentDeclared;
import io.firebreak.events.PriorityChanged;
import io.firebreak.platform.inbox.CloudEventEnvelope;
import io.firebreak.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Learns incidents and their priority from classification; other event types are acknowledged and skipped. */
@ApplicationScoped
public class ClassificationEventsConsumer {

    static final String CONSUMER = "comms.classification-events";

    private final Inbox inbox;
    private final IncidentProjection incidents;
    private final ObjectMapper mapper;

    public ClassificationEventsConsumer(Inbox inbox, IncidentProjection incidents, ObjectMapper mapper) {
        this.inbox = inbox;
        this.incidents = incidents;
        this.mapper = mapper;
    }

    @Incoming("classification-events")
    public Uni<Void> consume(Message<byte[]> message) {
        return inbox.handle(message, CONSUMER, this::apply);
    }

    private Uni<Void> apply(CloudEventEnvelope event) {
        if (EventTypes.INCIDENT_DECLARED.equals(event.type())) {
            return incidents.declared(event.data(mapper, IncidentDeclared.class)).replaceWithVoid();
        }
        if (EventTypes.INCIDENT_PRIORITY_CHANGED.equals(event.type())) {
            return incidents.priorityChanged(event.data(mapper, PriorityChanged.class)).replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }
}
