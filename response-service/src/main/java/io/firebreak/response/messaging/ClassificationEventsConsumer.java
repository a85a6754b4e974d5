package io.firebreak.response.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.events.EventTypes;
import io.firebreak.events.IncidentDeclared;
import io.firebreak.events.PriorityChanged;
import io.firebreak.events.ServiceChanged;
import io.firebreak.events.TemporaryP1Expired;
import io.firebreak.platform.inbox.CloudEventEnvelope;
import io.firebreak.platform.inbox.Inbox;
import io.firebreak.response.domain.ResponseService;
import io.firebreak.response.domain.oncall.ServiceOwnership;
import io.firebreak.response.domain.paging.Paging;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Reacts to classification's events; event types it does not know are acknowledged and skipped. */
@ApplicationScoped
public class ClassificationEventsConsumer {

    static final String CONSUMER = "response.classification-events";

    private final Inbox inbox;
    private final ResponseService responses;
    private final ServiceOwnership services;
    private final Paging paging;
    private final ObjectMapper mapper;

    public ClassificationEventsConsumer(Inbox inbox, ResponseService responses, ServiceOwnership services, Paging paging,
                                        ObjectMapper mapper) {
        this.inbox = inbox;
        this.responses = responses;
        this.services = services;
        this.paging = paging;
        this.mapper = mapper;
    }

    @Incoming("classification-events")
    public Uni<Void> consume(Message<byte[]> message) {
        return inbox.handle(message, CONSUMER, WANTED::contains, this::apply);
    }

    /** Decisions, disputes, policies … of classification's topic are skipped before the inbox. */
    private static final java.util.Set<String> WANTED = java.util.Set.of(EventTypes.INCIDENT_DECLARED, EventTypes.INCIDENT_PRIORITY_CHANGED,
            EventTypes.INCIDENT_TEMPORARY_P1_EXPIRED, EventTypes.SERVICE_REGISTERED, EventTypes.SERVICE_UPDATED);

    private Uni<Void> apply(CloudEventEnvelope event) {
        if (EventTypes.INCIDENT_DECLARED.equals(event.type())) {
            IncidentDeclared declared = event.data(mapper, IncidentDeclared.class);
            // A response opened just now has no paging row either (both are written here, in one transaction).
            return responses.open(declared).chain(opened -> paging.declared(declared, opened)).replaceWithVoid();
        }
        if (EventTypes.INCIDENT_PRIORITY_CHANGED.equals(event.type())) {
            PriorityChanged changed = event.data(mapper, PriorityChanged.class);
            // Paging first: an acknowledgement locks the paging row, then the record; the same order here cannot deadlock with it.
            return paging.priorityChanged(changed).chain(() -> responses.follow(changed)).replaceWithVoid();
        }
        if (EventTypes.INCIDENT_TEMPORARY_P1_EXPIRED.equals(event.type())) {
            return responses.priorityReviewDue(event.data(mapper, TemporaryP1Expired.class)).replaceWithVoid();
        }
        if (EventTypes.SERVICE_REGISTERED.equals(event.type()) || EventTypes.SERVICE_UPDATED.equals(event.type())) {
            return services.apply(event.data(mapper, ServiceChanged.class)).replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }
}
