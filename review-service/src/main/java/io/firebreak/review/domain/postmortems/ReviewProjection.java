package io.firebreak.review.domain.postmortems;

import io.firebreak.events.IncidentDeclared;
import io.firebreak.events.PriorityChanged;
import io.firebreak.events.ResponseStatusChanged;
import io.firebreak.events.TeamChanged;
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
    private final Clock clock;

    public ReviewProjection(ReviewRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * The declaration's facts. Topics are consumed independently, so response's lifecycle may have arrived first and
     * created the incident from its own fields: the declaration then completes it (title, declarer, times).
     */
    public Uni<Boolean> declared(IncidentDeclared d) {
        return repository.incident(d.incidentId()).chain(existing -> {
            Incident i = existing == null ? new Incident() : existing;
            i.incidentId = d.incidentId();
            i.incidentKey = d.key();
            i.title = d.title();
            i.businessService = d.businessService();
            if (existing == null) {
                i.priority = d.priority().name();
            }
            i.drill = Boolean.TRUE.equals(d.drill());
            i.declaredBy = d.declaredBy();
            i.detectedAt = d.detectedAt();
            i.declaredAt = d.declaredAt();
            i.updatedAt = clock.instant();
            return existing == null ? repository.persist(i).replaceWith(true) : Uni.createFrom().item(true);
        });
    }

    public Uni<Boolean> priorityChanged(PriorityChanged c) {
        if ("FINAL".equals(c.reason())) {
            return Uni.createFrom().item(false);
        }
        return repository.incident(c.incidentId()).map(i -> {
            if (i == null) {
                return false;
            }
            i.priority = c.priority().name();
            i.updatedAt = clock.instant();
            return true;
        });
    }

    /**
     * Resolution and closure times (a reopened incident loses its resolution until it is resolved again). An incident
     * not yet known from its declaration is created from the lifecycle event's own fields.
     */
    public Uni<Incident> statusChanged(ResponseStatusChanged s) {
        return repository.incident(s.incidentId()).chain(existing -> {
            Incident i = existing == null ? new Incident() : existing;
            if (existing == null) {
                i.incidentId = s.incidentId();
                i.incidentKey = s.incidentKey();
                i.title = s.incidentKey();
                i.businessService = s.businessService();
                i.priority = s.priority().name();
                i.drill = s.drill();
                i.declaredBy = s.changedBy();
                i.detectedAt = s.detectedAt();
                i.declaredAt = s.declaredAt();
            }
            i.resolvedAt = s.resolvedAt();
            i.closedAt = s.closedAt();
            i.updatedAt = clock.instant();
            return existing == null ? repository.persist(i) : Uni.createFrom().item(i);
        });
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
