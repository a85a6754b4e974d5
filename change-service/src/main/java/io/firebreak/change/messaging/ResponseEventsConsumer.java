package io.firebreak.change.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.change.domain.incidents.ChangeProjection;
import io.firebreak.events.EventTypes;
import io.firebreak.events.FindingRecorded;
import io.firebreak.events.ResponseStatusChanged;
import io.firebreak.events.RoleAssigned;
import io.firebreak.events.RoleReleased;
import io.firebreak.platform.access.AccessProjection;
import io.firebreak.platform.access.RoleHolders;
import io.firebreak.platform.inbox.CloudEventEnvelope;
import io.firebreak.platform.inbox.BatchInbox;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Learns from response: the lifecycle (mitigated and resolved times answer "did the impact stop?"), who holds which
 * role (the commander may approve pre-authorised actions), confirmed triage findings (what a change must cite), and
 * who may see each incident. Pages, escalations and the rest of response's topic are skipped before the inbox.
 */
@ApplicationScoped
public class ResponseEventsConsumer {

    static final String CONSUMER = "change.response-events";
    private static final Set<String> LIFECYCLE = Set.of(EventTypes.RESPONSE_ACKNOWLEDGED, EventTypes.RESPONSE_MITIGATED,
            EventTypes.RESPONSE_RESOLVED, EventTypes.RESPONSE_CLOSED, EventTypes.RESPONSE_REOPENED);

    private final BatchInbox inbox;
    private final ChangeProjection projection;
    private final RoleHolders roles;
    private final AccessProjection access;
    private final ObjectMapper mapper;

    public ResponseEventsConsumer(BatchInbox inbox, ChangeProjection projection, RoleHolders roles, AccessProjection access, ObjectMapper mapper) {
        this.inbox = inbox;
        this.projection = projection;
        this.roles = roles;
        this.access = access;
        this.mapper = mapper;
    }

    @Incoming("response-events")
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.handleEach(batch, CONSUMER, ResponseEventsConsumer::wanted, this::apply);
    }

    static boolean wanted(String type) {
        return EventTypes.ROLE_ASSIGNED.equals(type) || EventTypes.ROLE_RELEASED.equals(type) || EventTypes.TRIAGE_FINDING_RECORDED.equals(type)
                || LIFECYCLE.contains(type) || AccessProjection.TYPES.contains(type);
    }

    private Uni<Void> apply(CloudEventEnvelope event) {
        String type = event.type();
        if (EventTypes.ROLE_ASSIGNED.equals(type)) {
            return roles.assigned(event.data(mapper, RoleAssigned.class)).replaceWithVoid();
        }
        if (EventTypes.ROLE_RELEASED.equals(type)) {
            return roles.released(event.data(mapper, RoleReleased.class)).replaceWithVoid();
        }
        if (EventTypes.TRIAGE_FINDING_RECORDED.equals(type)) {
            return projection.findingRecorded(event.data(mapper, FindingRecorded.class)).replaceWithVoid();
        }
        if (LIFECYCLE.contains(type)) {
            return projection.statusChanged(event.data(mapper, ResponseStatusChanged.class));
        }
        return access.apply(event).replaceWithVoid();
    }
}
