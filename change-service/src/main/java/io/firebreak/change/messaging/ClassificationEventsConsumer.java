package io.firebreak.change.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.change.domain.changes.Effectiveness;
import io.firebreak.change.domain.incidents.ChangeProjection;
import io.firebreak.change.domain.intake.Intake;
import io.firebreak.events.EventTypes;
import io.firebreak.events.IncidentDeclared;
import io.firebreak.events.PriorityChanged;
import io.firebreak.events.ServiceChanged;
import io.firebreak.platform.inbox.CloudEventEnvelope;
import io.firebreak.platform.inbox.BatchInbox;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Learns from classification: declared incidents (checking each against the emergency changes whose effectiveness
 * window is open — a suspected regression — and linking recent deploys of affected services as candidate causes),
 * priority changes, and the catalog's services with their dependencies.
 */
@ApplicationScoped
public class ClassificationEventsConsumer {

    static final String CONSUMER = "change.classification-events";
    private static final Set<String> WANTED = Set.of(EventTypes.INCIDENT_DECLARED, EventTypes.INCIDENT_PRIORITY_CHANGED,
            EventTypes.SERVICE_REGISTERED, EventTypes.SERVICE_UPDATED);

    private final BatchInbox inbox;
    private final ChangeProjection projection;
    private final Effectiveness effectiveness;
    private final Intake intake;
    private final ObjectMapper mapper;

    public ClassificationEventsConsumer(BatchInbox inbox, ChangeProjection projection, Effectiveness effectiveness, Intake intake, ObjectMapper mapper) {
        this.inbox = inbox;
        this.projection = projection;
        this.effectiveness = effectiveness;
        this.intake = intake;
        this.mapper = mapper;
    }

    @Incoming("classification-events")
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.handleEach(batch, CONSUMER, WANTED::contains, this::apply);
    }

    private Uni<Void> apply(CloudEventEnvelope event) {
        return switch (event.type()) {
            case EventTypes.INCIDENT_DECLARED -> projection.declared(event.data(mapper, IncidentDeclared.class))
                    .chain(incident -> incident == null ? Uni.createFrom().voidItem()
                            : effectiveness.incidentDeclared(incident).chain(() -> intake.incidentDeclared(incident)));
            case EventTypes.INCIDENT_PRIORITY_CHANGED -> projection.priorityChanged(event.data(mapper, PriorityChanged.class));
            default -> projection.serviceChanged(event.data(mapper, ServiceChanged.class)).replaceWithVoid();
        };
    }
}
