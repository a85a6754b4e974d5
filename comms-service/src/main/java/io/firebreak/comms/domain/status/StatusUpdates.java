package io.firebreak.comms.domain.status;

import io.firebreak.comms.domain.incidents.IncidentProjection;
import io.firebreak.comms.model.Incident;
import io.firebreak.comms.model.StatusVersion;
import io.firebreak.comms.persistence.IncidentRepository;
import io.firebreak.comms.persistence.StatusRepository;
import io.firebreak.events.EventTypes;
import io.firebreak.events.StatusPublished;
import io.firebreak.events.StatusUpdateOverdue;
import io.firebreak.platform.deadline.Deadline;
import io.firebreak.platform.deadline.DeadlineHandler;
import io.firebreak.platform.deadline.Deadlines;
import io.firebreak.comms.domain.webhooks.Webhooks;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.security.Actor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The versions of an incident's status. Only the incident's current Communications Lead publishes (from
 * response's role events; a former holder is refused the moment the handover reaches comms). Each version
 * supersedes the one before; a correction is a new version naming the one it corrects. The next update
 * is a durable deadline: if it passes without a newer version, {@code status.update_overdue}.
 */
@ApplicationScoped
public class StatusUpdates {

    public static final String DUE = "comms.status-update-due";

    private final IncidentRepository incidents;
    private final StatusRepository statuses;
    private final IncidentProjection projection;
    private final Deadlines deadlines;
    private final Webhooks webhooks;
    private final Clock clock;

    public StatusUpdates(IncidentRepository incidents, StatusRepository statuses, IncidentProjection projection, Deadlines deadlines,
                         Webhooks webhooks, Clock clock) {
        this.incidents = incidents;
        this.statuses = statuses;
        this.projection = projection;
        this.deadlines = deadlines;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    public record History(Incident incident, List<StatusVersion> versions) {
    }

    @WithSession
    public Uni<History> of(UUID incidentId) {
        return incidents.findById(incidentId).chain(i -> i == null ? Uni.createFrom().failure(ProblemException.notFound("Incident", incidentId))
                : statuses.versions(incidentId).map(v -> new History(i, v)));
    }

    @WithTransaction
    public Uni<StatusVersion> publish(Actor actor, UUID incidentId, StatusRules.Draft draft) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return incidents.locked(incidentId).chain(incident -> {
            if (incident == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Incident", incidentId));
            }
            return projection.requireHolder(actor, incident, "Publishing the status", IncidentProjection.COMMS_LEAD)
                    .chain(() -> statuses.current(incidentId)).chain(current -> {
                        int currentVersion = current == null ? 0 : current.version;
                        var violations = StatusRules.check(draft, currentVersion, now);
                        if (!violations.isEmpty()) {
                            return Uni.createFrom().failure(ProblemException.invalid(violations));
                        }
                        StatusVersion v = new StatusVersion();
                        v.id = UUID.randomUUID();
                        v.incidentId = incidentId;
                        v.version = currentVersion + 1;
                        v.state = draft.state();
                        v.impact = draft.impact().strip();
                        v.affectedServices = draft.affectedServices() == null ? List.of()
                                : draft.affectedServices().stream().map(String::strip).distinct().toList();
                        v.nextUpdateDueAt = StatusRules.nextUpdateDue(draft, incident.priority, now);
                        v.correctionOf = draft.correctionOf();
                        v.publishedBy = actor.user();
                        v.publishedAt = now;
                        Uni<?> cadence = v.nextUpdateDueAt == null ? deadlines.cancel(DUE, incidentId.toString())
                                : deadlines.schedule(DUE, incidentId.toString(), v.nextUpdateDueAt, null);
                        return statuses.persist(v).call(() -> cadence)
                                .call(() -> webhooks.publish(EventTypes.STATUS_PUBLISHED, incidentId, new StatusPublished(incidentId,
                                        incident.incidentKey, v.version, v.state.name(), v.impact, v.affectedServices, v.nextUpdateDueAt,
                                        v.correctionOf, v.publishedBy, v.publishedAt, incident.priority, incident.drill)));
                    });
        });
    }

    /** The next update was due at {@code dueAt} (inside the deadline's transaction): overdue unless a newer version or the end came. */
    Uni<Void> due(UUID incidentId, Instant dueAt) {
        return incidents.findById(incidentId).chain(incident -> incident == null || "RESOLVED".equals(incident.responseStatus)
                || "CLOSED".equals(incident.responseStatus) ? Uni.createFrom().voidItem()
                : statuses.current(incidentId).chain(current -> current == null || current.nextUpdateDueAt == null
                        || current.nextUpdateDueAt.isAfter(dueAt) ? Uni.createFrom().voidItem()
                        : projection.holders(incidentId, IncidentProjection.COMMS_LEAD).chain(leads -> webhooks.publish(
                                EventTypes.STATUS_UPDATE_OVERDUE, incidentId, new StatusUpdateOverdue(incidentId, incident.incidentKey,
                                        current.version, current.nextUpdateDueAt, leads.isEmpty() ? null : leads.get(0),
                                        clock.instant().truncatedTo(ChronoUnit.MICROS), incident.drill))).replaceWithVoid()));
    }

    /** The next status update came due (subject: the incident id). */
    @ApplicationScoped
    public static class Due implements DeadlineHandler {

        private final StatusUpdates updates;

        public Due(StatusUpdates updates) {
            this.updates = updates;
        }

        @Override
        public String kind() {
            return DUE;
        }

        @Override
        public Uni<Void> fire(Deadline deadline) {
            return updates.due(UUID.fromString(deadline.subject()), deadline.dueAt());
        }
    }
}
