package io.firebreak.comms.domain.status;

import io.firebreak.comms.domain.incidents.IncidentProjection;
import io.firebreak.comms.model.Audience;
import io.firebreak.comms.model.StakeholderMessage;
import io.firebreak.comms.persistence.IncidentRepository;
import io.firebreak.comms.persistence.StatusRepository;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.security.Actor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Messages to stakeholders, each drafted on one status version. A draft on a superseded version is refused
 * (409): no two audiences hear different stories. Drafted by the incident's Communications Lead or its
 * commander. (Templates, approval and delivery build on this.)
 */
@ApplicationScoped
public class Messages {

    private final IncidentRepository incidents;
    private final StatusRepository statuses;
    private final IncidentProjection projection;
    private final Clock clock;

    public Messages(IncidentRepository incidents, StatusRepository statuses, IncidentProjection projection, Clock clock) {
        this.incidents = incidents;
        this.statuses = statuses;
        this.projection = projection;
        this.clock = clock;
    }

    public record Draft(int statusVersion, Audience audience, String subject, String body) {
    }

    @WithSession
    public Uni<List<StakeholderMessage>> of(UUID incidentId) {
        return incidents.findById(incidentId).chain(i -> i == null ? Uni.createFrom().failure(ProblemException.notFound("Incident", incidentId))
                : statuses.messages(incidentId));
    }

    @WithTransaction
    public Uni<StakeholderMessage> draft(Actor actor, UUID incidentId, Draft draft) {
        // The incident's lock orders this draft against a publication: the version checked is still current at commit.
        return incidents.locked(incidentId).chain(incident -> {
            if (incident == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Incident", incidentId));
            }
            return projection.requireHolder(actor, incident, "Drafting messages", IncidentProjection.COMMS_LEAD,
                    IncidentProjection.INCIDENT_COMMANDER).chain(() -> statuses.current(incidentId)).chain(current -> {
                    if (current == null) {
                        return Uni.createFrom().failure(ProblemException.conflict(incident.incidentKey
                                + " has no published status yet; every message derives from one"));
                    }
                    if (draft.statusVersion() != current.version) {
                        return Uni.createFrom().failure(draft.statusVersion() < 1 || draft.statusVersion() > current.version
                                ? ProblemException.conflict("Status version " + draft.statusVersion() + " of " + incident.incidentKey
                                        + " does not exist; the current one is v" + current.version)
                                : ProblemException.conflict("Status v" + draft.statusVersion() + " of " + incident.incidentKey
                                        + " is superseded by v" + current.version + "; draft on the current version"));
                    }
                    StakeholderMessage m = new StakeholderMessage();
                    m.id = UUID.randomUUID();
                    m.incidentId = incidentId;
                    m.statusVersion = current.version;
                    m.audience = draft.audience();
                    m.subject = draft.subject() != null ? draft.subject().strip()
                            : (incident.drill ? "[DRILL] " : "") + "[" + incident.priority + "] " + incident.incidentKey + " — "
                                    + current.state.name().toLowerCase();
                    m.body = draft.body().strip();
                    m.draftedBy = actor.user();
                    m.draftedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    return statuses.persistMessage(m);
            });
        });
    }
}
