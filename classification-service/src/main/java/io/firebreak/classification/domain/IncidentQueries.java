package io.firebreak.classification.domain;

import io.firebreak.platform.security.Actor;
import io.firebreak.classification.model.ClassificationDecision;
import io.firebreak.classification.model.Incident;
import io.firebreak.classification.model.IncidentFilter;
import io.firebreak.classification.model.IncidentMatches;
import io.firebreak.classification.persistence.BusinessServiceRepository;
import io.firebreak.classification.persistence.DecisionRepository;
import io.firebreak.classification.persistence.IncidentRepository;
import io.firebreak.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Reading the incident registry, and the one object-level question every change asks first: may
 * this actor change this incident?
 */
@ApplicationScoped
@WithSession
public class IncidentQueries {

    private final IncidentRepository incidents;
    private final DecisionRepository decisions;
    private final BusinessServiceRepository services;

    public IncidentQueries(IncidentRepository incidents, DecisionRepository decisions, BusinessServiceRepository services) {
        this.incidents = incidents;
        this.decisions = decisions;
        this.services = services;
    }

    /** The incident, or 404. */
    public Uni<Incident> existing(UUID id) {
        return incidents.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Incident", id));
    }

    /** By id or by key (INC-2026-0001); 404 for anything else, malformed ids included. */
    public Uni<Incident> byIdOrKey(String idOrKey) {
        Uni<Incident> found;
        if (IncidentKeys.looksLikeKey(idOrKey)) {
            found = incidents.findByKey(idOrKey);
        } else {
            UUID uuid = parseUuid(idOrKey);
            found = uuid == null ? Uni.createFrom().nullItem() : incidents.findById(uuid);
        }
        return found.onItem().ifNull().failWith(() -> ProblemException.notFound("Incident", idOrKey));
    }

    /** Newest first. */
    public Uni<IncidentMatches> search(IncidentFilter filter, int page, int size) {
        return incidents.search(filter, page, size);
    }

    /** Every decision on the incident, oldest first; 404 for an unknown incident. */
    public Uni<List<ClassificationDecision>> history(UUID id) {
        return existing(id).chain(() -> decisions.history(id));
    }

    /**
     * The service's most recent auto-declared incident declared since {@code since} that still has an
     * unresolved alert group: the incident a new storm of the same service joins.
     */
    public Uni<Incident> openAutoDeclared(String service, Instant since) {
        return incidents.openAutoDeclared(service, since);
    }

    /** The incident, if the actor may change it (see {@link Actor#requireIncidentAuthority}); else 403. */
    public Uni<Incident> changeableBy(UUID id, Actor actor) {
        return existing(id).call(incident -> services.findById(incident.businessService).invoke(service ->
                actor.requireIncidentAuthority(service == null ? List.of() : service.owners, incident.businessService, incident.key)));
    }

    private static UUID parseUuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
