package io.firebreak.review.domain.postmortems;

import io.firebreak.events.IncidentDeclared;
import io.firebreak.events.PriorityChanged;
import io.firebreak.events.ResponseStatusChanged;
import io.firebreak.events.TeamChanged;
import io.firebreak.platform.incident.IncidentFacts;
import io.firebreak.review.domain.timeline.TimelineSources;
import io.firebreak.review.model.Incident;
import io.firebreak.review.model.Team;
import io.firebreak.review.model.TimelineEntry;
import io.firebreak.review.persistence.ReviewRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Review's picture of incidents and teams, and the recorded half of every timeline, kept from the other services'
 * events inside the consumer's inbox transaction. Applying an event twice changes nothing.
 */
@ApplicationScoped
public class ReviewProjection {

    private final ReviewRepository repository;
    private final IncidentFacts facts;
    private final Clock clock;

    public ReviewProjection(ReviewRepository repository, IncidentFacts facts, Clock clock) {
        this.repository = repository;
        this.facts = facts;
        this.clock = clock;
    }

    /** The declaration (platform {@link IncidentFacts}: it completes an incident a lifecycle event created first). */
    public Uni<Void> declared(IncidentDeclared d) {
        return facts.declared(d);
    }

    /** Reclassifications and temporary-P1 decisions; the post-mortem's final priority is history, not followed. */
    public Uni<Void> priorityChanged(PriorityChanged c) {
        return facts.priorityChanged(c);
    }

    /**
     * Response's lifecycle with its times (a reopened incident loses its resolution until it is resolved again); an
     * incident not yet known from its declaration is created from the event. Answers the incident as now known.
     */
    public Uni<Incident> statusChanged(ResponseStatusChanged s) {
        return facts.statusChanged(s).chain(() -> repository.incident(s.incidentId()));
    }

    /** A catalog service's owning team, as the catalog now says (a late older state is ignored). */
    public Uni<Boolean> serviceChanged(io.firebreak.events.ServiceChanged c) {
        return repository.service(c.name()).chain(existing -> {
            if (existing != null && existing.updatedAt.isAfter(c.changedAt())) {
                return Uni.createFrom().item(false);
            }
            io.firebreak.review.model.CatalogService s = existing == null ? new io.firebreak.review.model.CatalogService() : existing;
            s.name = c.name();
            s.owningTeam = c.owningTeam();
            s.owners = c.owners() == null ? List.of() : List.copyOf(c.owners());
            s.updatedAt = c.changedAt();
            return existing == null ? repository.persist(s).replaceWith(true) : Uni.createFrom().item(true);
        });
    }

    public Uni<Boolean> teamChanged(TeamChanged t) {
        return repository.team(t.teamId()).chain(existing -> {
            Team team = existing == null ? new Team() : existing;
            team.teamId = t.teamId();
            team.name = t.name();
            team.manager = t.manager();
            team.members = List.copyOf(t.members());
            return existing == null ? repository.persist(team).replaceWith(true) : Uni.createFrom().item(true);
        });
    }

    /** The entries an event puts on its incident's timeline (once: an entry's id is the event's). */
    public Uni<Void> recorded(UUID incidentId, List<TimelineSources.Recorded> entries) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (TimelineSources.Recorded r : entries) {
            all = all.call(() -> repository.entry(r.id()).chain(existing -> {
                if (existing != null) {
                    return Uni.createFrom().voidItem();
                }
                TimelineEntry e = new TimelineEntry();
                e.id = r.id();
                e.incidentId = incidentId;
                e.at = r.at().truncatedTo(ChronoUnit.MICROS);
                e.kind = r.kind().name();
                e.origin = "RECORDED";
                e.source = r.source();
                e.subject = r.subject();
                e.title = r.title().length() > 1000 ? r.title().substring(0, 1000) : r.title();
                e.addedAt = clock.instant();
                return repository.persist(e).replaceWithVoid();
            }));
        }
        return all;
    }
}
