package io.firebreak.change.domain.incidents;

import io.firebreak.change.model.CatalogService;
import io.firebreak.change.model.Incident;
import io.firebreak.change.model.TriageFinding;
import io.firebreak.change.persistence.ProjectionRepository;
import io.firebreak.events.FindingRecorded;
import io.firebreak.events.IncidentDeclared;
import io.firebreak.events.PriorityChanged;
import io.firebreak.events.ResponseStatusChanged;
import io.firebreak.events.ServiceChanged;
import io.firebreak.platform.incident.IncidentFacts;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Change's picture of the other services' facts, kept from their events inside the consumer's inbox transaction:
 * incidents with priority and lifecycle (classification, response), catalog services with their dependencies
 * (classification), confirmed triage findings (response). Each apply is idempotent: a redelivery changes nothing.
 */
@ApplicationScoped
public class ChangeProjection {

    private final ProjectionRepository repository;
    private final IncidentFacts facts;
    private final Clock clock;

    public ChangeProjection(ProjectionRepository repository, IncidentFacts facts, Clock clock) {
        this.repository = repository;
        this.facts = facts;
        this.clock = clock;
    }

    /**
     * The declaration (platform {@link IncidentFacts}, which also completes an incident a lifecycle event created
     * first); answers the incident as now known. The inbox hands each declaration over once.
     */
    public Uni<Incident> declared(IncidentDeclared d) {
        return facts.declared(d).chain(() -> repository.incident(d.incidentId()));
    }

    /** Reclassifications and temporary-P1 decisions; the post-mortem's final priority is history, not followed. */
    public Uni<Void> priorityChanged(PriorityChanged c) {
        return facts.priorityChanged(c);
    }

    /** Lifecycle: the mitigation and resolution times are what the effectiveness review asks ("did the impact stop?"). */
    public Uni<Void> statusChanged(ResponseStatusChanged s) {
        return facts.statusChanged(s);
    }

    public Uni<Boolean> serviceChanged(ServiceChanged s) {
        return repository.service(s.name()).chain(existing -> {
            CatalogService c = existing == null ? new CatalogService() : existing;
            boolean removed = "deregistered".equals(s.change());
            if (existing != null && existing.updatedAt.isAfter(s.changedAt())) {
                return Uni.createFrom().item(false); // an older state arriving late
            }
            c.name = s.name();
            c.owningTeam = s.owningTeam();
            // Senders before 0.4 sent no dependencies: keep what is known rather than erase the graph.
            c.dependsOn = removed ? List.of() : s.dependsOn() != null ? s.dependsOn() : existing == null ? List.of() : existing.dependsOn;
            c.removed = removed;
            c.updatedAt = s.changedAt();
            return existing == null ? repository.persist(c).replaceWith(true) : Uni.createFrom().item(true);
        });
    }

    public Uni<Boolean> findingRecorded(FindingRecorded f) {
        return repository.finding(f.findingId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(false);
            }
            TriageFinding t = new TriageFinding();
            t.findingId = f.findingId();
            t.incidentId = f.incidentId();
            t.statement = f.statement();
            t.component = f.component();
            t.recordedBy = f.recordedBy();
            t.recordedAt = f.recordedAt();
            return repository.persist(t).replaceWith(true);
        });
    }

    public Uni<Incident> incident(UUID id) {
        return repository.incident(id);
    }

    /** The incident for a reader; 404 when change has not learnt it (yet). */
    @io.quarkus.hibernate.reactive.panache.common.WithSession
    public Uni<Incident> incidentSeen(UUID id) {
        return repository.incident(id).onItem().ifNull().failWith(() -> io.firebreak.platform.problem.ProblemException.notFound("Incident", id));
    }

    @io.quarkus.hibernate.reactive.panache.common.WithSession
    public Uni<List<TriageFinding>> findingsOf(UUID incidentId) {
        return repository.findings(incidentId);
    }

    public Uni<TriageFinding> finding(UUID id) {
        return repository.finding(id);
    }

    /** The catalog's dependency graph: service → the services it depends on directly (removed services left out). */
    public Uni<Map<String, List<String>>> dependencyGraph() {
        return repository.services().map(all -> {
            Map<String, List<String>> graph = new HashMap<>();
            all.forEach(s -> graph.put(s.name, s.dependsOn));
            return graph;
        });
    }

    public Uni<List<Incident>> incidentsByKey(List<String> keys) {
        return repository.incidentsByKey(keys);
    }

    public Uni<List<Incident>> activeOn(List<String> services, java.time.Instant at, java.time.Duration lookback) {
        return repository.activeOn(services, at, lookback);
    }

    /** A catalog service as change knows it; 404 when unknown or removed. */
    @io.quarkus.hibernate.reactive.panache.common.WithSession
    public Uni<CatalogService> knownService(String name) {
        return repository.service(name).map(s -> {
            if (s == null || s.removed) {
                throw io.firebreak.platform.problem.ProblemException.notFound("Business service", name);
            }
            return s;
        });
    }

    public Uni<Boolean> serviceKnown(String name) {
        return repository.service(name).map(s -> s != null && !s.removed);
    }
}
