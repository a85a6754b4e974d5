package io.firebreak.classification.domain;

import io.firebreak.classification.persistence.IncidentKeyCounter;
import io.firebreak.classification.persistence.IncidentRepository;
import io.firebreak.events.EventTypes;
import io.firebreak.events.IncidentDeclared;
import io.firebreak.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** Declares incidents: the registry row, its key and the declared event commit together. */
@ApplicationScoped
public class IncidentService {

    private final IncidentRepository incidents;
    private final IncidentKeyCounter keys;
    private final Outbox outbox;
    private final Clock clock;

    public IncidentService(IncidentRepository incidents, IncidentKeyCounter keys, Outbox outbox, Clock clock) {
        this.incidents = incidents;
        this.keys = keys;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Incident> declare(Declaration declaration) {
        Instant now = clock.instant();
        int year = now.atOffset(ZoneOffset.UTC).getYear();
        return keys.next(year).chain(sequence -> {
            Incident incident = new Incident();
            incident.id = UUID.randomUUID();
            incident.key = IncidentKeys.format(year, sequence);
            incident.title = declaration.title();
            incident.summary = declaration.summary();
            incident.businessService = declaration.businessService();
            incident.priority = declaration.priority();
            incident.detectedAt = declaration.detectedAt();
            incident.declaredAt = now;
            incident.declaredBy = declaration.declaredBy();
            return incidents.persist(incident);
        }).call(incident -> outbox.record(EventTypes.INCIDENT_DECLARED, incident.id.toString(), toEvent(incident)));
    }

    static IncidentDeclared toEvent(Incident incident) {
        return new IncidentDeclared(incident.id, incident.key, incident.title, incident.summary,
                incident.businessService, incident.priority, incident.detectedAt, incident.declaredAt, incident.declaredBy);
    }
}
