package io.firebreak.classification.domain;

import io.firebreak.platform.security.Actor;
import io.firebreak.classification.config.ClassificationConfig;
import io.firebreak.classification.model.DecisionKind;
import io.firebreak.classification.model.Incident;
import io.firebreak.classification.model.TemporaryP1Status;
import io.firebreak.classification.persistence.BusinessServiceRepository;
import io.firebreak.events.EventTypes;
import io.firebreak.events.Priority;
import io.firebreak.events.TemporaryP1Designated;
import io.firebreak.events.TemporaryP1Expired;
import io.firebreak.platform.deadline.Deadlines;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Temporary P1: a borderline incident treated as P1 for a limited window by someone with
 * pre-approved authority, then confirmed, downgraded, or — when nobody decides in time — expired,
 * which keeps P1 and asks for a re-review.
 */
@ApplicationScoped
public class TemporaryP1s {

    /** The deadline kind of a designation's window; its subject is the incident id. */
    static final String EXPIRY = "classification.temporary-p1-expiry";

    private final IncidentQueries incidents;
    private final BusinessServiceRepository services;
    private final Deadlines deadlines;
    private final Classifier classifier;
    private final DecisionLog decisions;
    private final Outbox outbox;
    private final Clock clock;
    private final ClassificationConfig config;

    public TemporaryP1s(IncidentQueries incidents, BusinessServiceRepository services, Deadlines deadlines,
                        Classifier classifier, DecisionLog decisions, Outbox outbox, Clock clock, ClassificationConfig config) {
        this.incidents = incidents;
        this.services = services;
        this.deadlines = deadlines;
        this.classifier = classifier;
        this.decisions = decisions;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Borderline means the active policy nearly fired a P1 rule for the incident's facts; when it did
     * not (or no policy is active), {@code borderlineBecause} must say why the case is borderline anyway
     * (typically: the facts that would decide are not measured yet). The priority change is published
     * like any other, so everyone acting on the priority (response, comms) follows it at once.
     */
    @WithTransaction
    public Uni<Incident> designate(UUID id, String justification, String borderlineBecause, Duration window, Actor actor) {
        requireAuthority(actor);
        Duration w = window == null ? config.temporaryP1().window() : window;
        if (w.compareTo(config.temporaryP1().maxWindow()) > 0 || w.isNegative() || w.isZero()) {
            return Uni.createFrom().failure(ProblemException.invalid(List.of(new Violation("windowMinutes",
                    "must be between 1 and " + config.temporaryP1().maxWindow().toMinutes()))));
        }
        return incidents.changeableBy(id, actor).chain(incident -> {
            if (incident.priority == Priority.P1) {
                return Uni.createFrom().failure(ProblemException.conflict(incident.key + " is already "
                        + (incident.temporaryP1Status == TemporaryP1Status.ACTIVE ? "a temporary P1" : "P1")));
            }
            return classifier.current(incident).chain(evaluation -> {
                boolean borderline = TemporaryP1Rules.borderlineForP1(evaluation);
                boolean explained = borderlineBecause != null && !borderlineBecause.isBlank();
                if (!borderline && !explained) {
                    return Uni.createFrom().failure(ProblemException.invalid(List.of(new Violation("borderlineBecause",
                            "is required: the policy does not find this case borderline for P1 ("
                                    + (evaluation == null ? "no active policy" : evaluation.summary())
                                    + "); say why it is borderline anyway"))));
                }
                Instant now = clock.instant();
                Priority previous = incident.priority;
                incident.priority = Priority.P1;
                incident.temporaryP1Status = TemporaryP1Status.ACTIVE;
                incident.temporaryP1ExpiresAt = now.plus(w);
                incident.temporaryP1By = actor.user();
                incident.temporaryP1DesignatedAt = now;
                String why = borderline ? justification
                        : justification + " (not borderline by the policy; borderline because: " + borderlineBecause + ")";
                return decisions.record(incident, DecisionKind.TEMPORARY_P1, previous, actor.user(), why)
                        .call(() -> outbox.record(EventTypes.INCIDENT_TEMPORARY_P1_DESIGNATED, incident.id.toString(),
                                new TemporaryP1Designated(incident.id, incident.key, incident.businessService, previous,
                                        justification, actor.user(), now, incident.temporaryP1ExpiresAt,
                                        borderline ? null : borderlineBecause)))
                        .call(() -> decisions.publishChange(incident, previous, "TEMPORARY_P1_DESIGNATED", why, actor.user()))
                        .call(() -> deadlines.schedule(EXPIRY, incident.id.toString(), incident.temporaryP1ExpiresAt, null));
            });
        });
    }

    /** Keeps P1 for good. Also clears an expired designation; one whose window just ran out is expired first. */
    @WithTransaction
    public Uni<Incident> confirm(UUID id, String comment, Actor actor) {
        requireAuthority(actor);
        return open(id, actor).chain(incident -> {
            incident.temporaryP1Status = TemporaryP1Status.CONFIRMED;
            return decisions.record(incident, DecisionKind.TEMPORARY_P1_CONFIRMED, Priority.P1, actor.user(), comment)
                    .call(() -> decisions.publishChange(incident, Priority.P1, "TEMPORARY_P1_CONFIRMED", comment, actor.user()))
                    .call(() -> deadlines.cancel(EXPIRY, incident.id.toString()));
        });
    }

    /** Ends the temporary P1 with a lower priority. Also clears an expired designation. */
    @WithTransaction
    public Uni<Incident> downgrade(UUID id, Priority priority, String reason, Actor actor) {
        requireAuthority(actor);
        if (priority == Priority.P1) {
            return Uni.createFrom().failure(ProblemException.invalid(List.of(new Violation("priority",
                    "must be P2, P3 or P4; confirm to keep P1"))));
        }
        return open(id, actor).chain(incident -> {
            incident.temporaryP1Status = TemporaryP1Status.DOWNGRADED;
            incident.priority = priority;
            return decisions.record(incident, DecisionKind.TEMPORARY_P1_DOWNGRADED, Priority.P1, actor.user(), reason)
                    .call(() -> decisions.publishChange(incident, Priority.P1, "TEMPORARY_P1_DOWNGRADED", reason, actor.user()))
                    .call(() -> deadlines.cancel(EXPIRY, incident.id.toString()));
        });
    }

    /**
     * Fired by the designation's deadline (in the firing's transaction): the incident stays P1 (nobody
     * may quietly lose a P1), is marked for re-review, and the event names the service owners to
     * escalate to. A designation already confirmed or downgraded is left alone.
     */
    Uni<Void> expireIfDue(UUID id) {
        Instant now = clock.instant();
        return incidents.existing(id).chain(incident -> TemporaryP1Rules.due(incident, now)
                ? expire(incident, now) : Uni.createFrom().voidItem());
    }

    private Uni<Void> expire(Incident incident, Instant now) {
        incident.temporaryP1Status = TemporaryP1Status.EXPIRED;
        return services.findById(incident.businessService).chain(service -> decisions.record(incident,
                        DecisionKind.TEMPORARY_P1_EXPIRED, Priority.P1, "system",
                        "window ended without confirmation or downgrade; re-review required")
                .call(() -> outbox.record(EventTypes.INCIDENT_TEMPORARY_P1_EXPIRED, incident.id.toString(),
                        new TemporaryP1Expired(incident.id, incident.key, incident.businessService,
                                service == null ? null : service.owningTeam, service == null ? List.of() : service.owners,
                                incident.temporaryP1DesignatedAt, now)))
                .replaceWithVoid());
    }

    /**
     * An ACTIVE or EXPIRED designation, ready to be confirmed or downgraded. An ACTIVE one whose window
     * has run out (the expiry job has not come by yet) is expired now, so the history says what happened.
     */
    private Uni<Incident> open(UUID id, Actor actor) {
        return incidents.changeableBy(id, actor).chain(incident -> {
            if (incident.temporaryP1Status != TemporaryP1Status.ACTIVE && incident.temporaryP1Status != TemporaryP1Status.EXPIRED) {
                return Uni.createFrom().failure(ProblemException.conflict(incident.key + " has no active or expired temporary P1"));
            }
            Instant now = clock.instant();
            return TemporaryP1Rules.due(incident, now) ? expire(incident, now).replaceWith(incident) : Uni.createFrom().item(incident);
        });
    }

    private void requireAuthority(Actor actor) {
        if (config.temporaryP1().authorisedRoles().stream().noneMatch(actor::has)) {
            throw ProblemException.forbidden("Designating a temporary P1 needs one of the roles "
                    + config.temporaryP1().authorisedRoles());
        }
    }
}
