package io.firebreak.review.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.events.EventTypes;
import io.firebreak.events.IncidentDeclared;
import io.firebreak.events.PriorityChanged;
import io.firebreak.events.ResponseStatusChanged;
import io.firebreak.events.RoleAssigned;
import io.firebreak.events.RoleReleased;
import io.firebreak.events.TeamChanged;
import io.firebreak.platform.access.AccessProjection;
import io.firebreak.platform.access.RoleHolders;
import io.firebreak.platform.inbox.CloudEventEnvelope;
import io.firebreak.platform.inbox.BatchInbox;
import io.firebreak.review.domain.architecture.ArchitectureReviews;
import io.firebreak.review.domain.postmortems.Postmortems;
import io.firebreak.review.domain.postmortems.ReviewProjection;
import io.firebreak.review.domain.postmortems.RoleData;
import io.firebreak.review.domain.timeline.TimelineSources;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Review listens to every other service's topic: incidents, teams, role holders and access for its own picture, and
 * every event that belongs on an incident's timeline. A resolved real P1/P2 opens its post-mortem; metrics' recurrence
 * trigger opens an architectural review.
 */
@ApplicationScoped
public class IncidentEventsConsumer {

    private static final Set<String> LIFECYCLE = Set.of(EventTypes.RESPONSE_ACKNOWLEDGED, EventTypes.RESPONSE_MITIGATED,
            EventTypes.RESPONSE_RESOLVED, EventTypes.RESPONSE_CLOSED, EventTypes.RESPONSE_REOPENED);

    private final BatchInbox inbox;
    private final ReviewProjection projection;
    private final Postmortems postmortems;
    private final RoleData roleData;
    private final RoleHolders roles;
    private final AccessProjection access;
    private final ArchitectureReviews architecture;
    private final ObjectMapper mapper;

    public IncidentEventsConsumer(BatchInbox inbox, ReviewProjection projection, Postmortems postmortems, RoleData roleData, RoleHolders roles,
                                  AccessProjection access, ArchitectureReviews architecture, ObjectMapper mapper) {
        this.architecture = architecture;
        this.inbox = inbox;
        this.projection = projection;
        this.postmortems = postmortems;
        this.roleData = roleData;
        this.roles = roles;
        this.access = access;
        this.mapper = mapper;
    }

    @Incoming("classification-events")
    public Uni<Void> classification(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.handleEach(batch, "review.classification-events", IncidentEventsConsumer::wanted, this::apply);
    }

    @Incoming("response-events")
    public Uni<Void> response(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.handleEach(batch, "review.response-events", IncidentEventsConsumer::wanted, this::apply);
    }

    @Incoming("comms-events")
    public Uni<Void> comms(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.handleEach(batch, "review.comms-events", IncidentEventsConsumer::wanted, this::apply);
    }

    @Incoming("change-events")
    public Uni<Void> change(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.handleEach(batch, "review.change-events", IncidentEventsConsumer::wanted, this::apply);
    }

    @Incoming("metrics-events")
    public Uni<Void> metrics(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.handleEach(batch, "review.metrics-events", IncidentEventsConsumer::wanted, this::apply);
    }

    static boolean wanted(String type) {
        return TimelineSources.wanted(type) || LIFECYCLE.contains(type) || EventTypes.TEAM_CHANGED.equals(type)
                || EventTypes.SERVICE_REGISTERED.equals(type) || EventTypes.SERVICE_UPDATED.equals(type)
                || EventTypes.ROLE_ASSIGNED.equals(type) || EventTypes.ROLE_RELEASED.equals(type) || EventTypes.ROLE_HANDED_OVER.equals(type)
                || EventTypes.BRIDGE_UPDATE_RECORDED.equals(type) || AccessProjection.TYPES.contains(type)
                || EventTypes.RECURRENCE_THRESHOLD_BREACHED.equals(type);
    }

    private Uni<Void> apply(CloudEventEnvelope event) {
        String type = event.type();
        Uni<Void> facts = facts(event);
        if (!TimelineSources.wanted(type)) {
            return facts;
        }
        JsonNode data = event.data(mapper, JsonNode.class);
        UUID incident = UUID.fromString(data.path("incidentId").asText());
        String source = event.source() == null ? "unknown" : event.source().substring(event.source().lastIndexOf('/') + 1);
        return facts.chain(() -> projection.recorded(incident, TimelineSources.entries(type, event.id().toString(), data, source, event.time())));
    }

    private Uni<Void> facts(CloudEventEnvelope event) {
        String type = event.type();
        if (EventTypes.INCIDENT_DECLARED.equals(type)) {
            return projection.declared(event.data(mapper, IncidentDeclared.class));
        }
        if (EventTypes.INCIDENT_PRIORITY_CHANGED.equals(type)) {
            return projection.priorityChanged(event.data(mapper, PriorityChanged.class));
        }
        if (LIFECYCLE.contains(type)) {
            return projection.statusChanged(event.data(mapper, ResponseStatusChanged.class))
                    .chain(i -> EventTypes.RESPONSE_RESOLVED.equals(type) ? postmortems.resolved(i) : Uni.createFrom().voidItem());
        }
        if (EventTypes.SERVICE_REGISTERED.equals(type) || EventTypes.SERVICE_UPDATED.equals(type)) {
            return projection.serviceChanged(event.data(mapper, io.firebreak.events.ServiceChanged.class)).replaceWithVoid();
        }
        if (EventTypes.TEAM_CHANGED.equals(type)) {
            return projection.teamChanged(event.data(mapper, TeamChanged.class)).replaceWithVoid();
        }
        if (EventTypes.ROLE_ASSIGNED.equals(type)) {
            RoleAssigned a = event.data(mapper, RoleAssigned.class);
            return roles.assigned(a).chain(() -> roleData.assigned(a));
        }
        if (EventTypes.ROLE_RELEASED.equals(type)) {
            RoleReleased r = event.data(mapper, RoleReleased.class);
            return roles.released(r).chain(() -> roleData.released(r));
        }
        if (EventTypes.ROLE_HANDED_OVER.equals(type)) {
            return roleData.handedOver(event.data(mapper, io.firebreak.events.RoleHandedOver.class));
        }
        if (EventTypes.BRIDGE_UPDATE_RECORDED.equals(type)) {
            return roleData.bridgeUpdate(event.data(mapper, io.firebreak.events.BridgeUpdateRecorded.class));
        }
        if (AccessProjection.TYPES.contains(type)) {
            return access.apply(event).replaceWithVoid();
        }
        if (EventTypes.RECURRENCE_THRESHOLD_BREACHED.equals(type)) {
            return architecture.triggered(event.data(mapper, io.firebreak.events.RecurrenceThresholdBreached.class));
        }
        return Uni.createFrom().voidItem();
    }
}
