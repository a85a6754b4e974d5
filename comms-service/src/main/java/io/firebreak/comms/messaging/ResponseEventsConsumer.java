package io.firebreak.comms.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.comms.domain.incidents.IncidentProjection;
import io.firebreak.events.EventTypes;
import io.firebreak.events.ResponseStatusChanged;
import io.firebreak.events.RoleAssigned;
import io.firebreak.events.RoleReleased;
import io.firebreak.platform.access.AccessProjection;
import io.firebreak.platform.inbox.CloudEventEnvelope;
import io.firebreak.platform.inbox.BatchInbox;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Learns from response: the lifecycle status, who holds which role (the Communications Lead publishes),
 * and who may see each incident (war rooms, restriction). Other event types are acknowledged and skipped.
 */
@ApplicationScoped
public class ResponseEventsConsumer {

    static final String CONSUMER = "comms.response-events";
    private static final Set<String> LIFECYCLE = Set.of(EventTypes.RESPONSE_ACKNOWLEDGED, EventTypes.RESPONSE_MITIGATED,
            EventTypes.RESPONSE_RESOLVED, EventTypes.RESPONSE_CLOSED, EventTypes.RESPONSE_REOPENED);

    private final BatchInbox inbox;
    private final IncidentProjection incidents;
    private final AccessProjection access;
    private final ObjectMapper mapper;

    public ResponseEventsConsumer(BatchInbox inbox, IncidentProjection incidents, AccessProjection access, ObjectMapper mapper) {
        this.inbox = inbox;
        this.incidents = incidents;
        this.access = access;
        this.mapper = mapper;
    }

    @Incoming("response-events")
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.handleEach(batch, CONSUMER, ResponseEventsConsumer::wanted, this::apply);
    }

    /** Pages' deliveries, acknowledgements, escalations … are skipped before the inbox: most of response's topic. */
    static boolean wanted(String type) {
        return EventTypes.ROLE_ASSIGNED.equals(type) || EventTypes.ROLE_RELEASED.equals(type) || LIFECYCLE.contains(type)
                || AccessProjection.TYPES.contains(type);
    }

    private Uni<Void> apply(CloudEventEnvelope event) {
        String type = event.type();
        if (EventTypes.ROLE_ASSIGNED.equals(type)) {
            return incidents.roleAssigned(event.data(mapper, RoleAssigned.class)).replaceWithVoid();
        }
        if (EventTypes.ROLE_RELEASED.equals(type)) {
            return incidents.roleReleased(event.data(mapper, RoleReleased.class)).replaceWithVoid();
        }
        if (LIFECYCLE.contains(type)) {
            return incidents.statusChanged(event.data(mapper, ResponseStatusChanged.class)).replaceWithVoid();
        }
        return access.apply(event).replaceWithVoid();
    }
}
