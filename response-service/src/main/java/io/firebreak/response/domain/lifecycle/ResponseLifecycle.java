package io.firebreak.response.domain.lifecycle;

import io.firebreak.response.domain.drill.Drills;
import io.firebreak.events.EventTypes;
import io.firebreak.events.ResponseStatusChanged;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.problem.FreeText;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.security.Actor;
import io.firebreak.platform.security.Roles;
import io.firebreak.response.domain.lifecycle.LifecycleRules.Change;
import io.firebreak.response.model.LifecycleAction;
import io.firebreak.response.model.ResponseRecord;
import io.firebreak.response.model.ResponseStatus;
import io.firebreak.response.model.ResponseTransition;
import io.firebreak.response.persistence.ResponseRecordRepository;
import io.firebreak.response.persistence.ResponseTransitionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Moves responses through their lifecycle: each transition locked on the record, checked by
 * {@link LifecycleRules}, kept as a {@link ResponseTransition} and published through the outbox in
 * the same transaction. Acknowledging goes through paging (it also stops the escalation), which
 * calls {@link #acknowledged} inside its own transaction.
 */
@ApplicationScoped
public class ResponseLifecycle {

    private final ResponseRecordRepository records;
    private final ResponseTransitionRepository transitions;
    private final Outbox outbox;
    private final Clock clock;
    private final Drills drills;

    public ResponseLifecycle(ResponseRecordRepository records, ResponseTransitionRepository transitions, Outbox outbox, Clock clock,
                             Drills drills) {
        this.drills = drills;
        this.records = records;
        this.transitions = transitions;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Mitigates, resolves, closes or reopens. Closing and reopening decide about the whole incident
     * (its post-mortem, whether it is over), so they take an incident commander or an admin.
     */
    @WithTransaction
    public Uni<ResponseRecord> transition(UUID incidentId, LifecycleAction action, Change change, Actor actor) {
        if (action == LifecycleAction.ACKNOWLEDGE) {
            return Uni.createFrom().failure(new IllegalArgumentException("acknowledgements go through paging"));
        }
        if ((action == LifecycleAction.CLOSE || action == LifecycleAction.REOPEN)
                && !actor.hasAny(Roles.INCIDENT_COMMANDER, Roles.ADMIN)) {
            return Uni.createFrom().failure(ProblemException.forbidden("Only an incident commander or an admin may "
                    + action.name().toLowerCase() + " an incident"));
        }
        return records.locked(incidentId).chain(record -> {
            if (record == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Response record of incident", incidentId));
            }
            return apply(record, action, change, actor.user(), clock.instant()).replaceWith(record);
        });
    }

    /** Who acknowledged the response first and when; {@code first} when that was this call. */
    public record Acknowledged(boolean first, String by, Instant at) {
    }

    /**
     * Acknowledges the response inside the caller's transaction (paging's, which holds the incident's
     * paging row): the first acknowledgement moves it from declared to acknowledged and is published
     * once; a later one changes nothing. Null for an unknown incident.
     */
    @WithTransaction
    public Uni<Acknowledged> acknowledged(UUID incidentId, String person, String via, Instant at) {
        return records.locked(incidentId).chain(record -> {
            if (record == null) {
                return Uni.createFrom().nullItem();
            }
            if (record.status != ResponseStatus.DECLARED) {
                return Uni.createFrom().item(new Acknowledged(false, record.acknowledgedBy, record.acknowledgedAt));
            }
            return apply(record, LifecycleAction.ACKNOWLEDGE, new Change(null, via, null, null, null), person, at)
                    .replaceWith(() -> new Acknowledged(true, person, record.acknowledgedAt));
        });
    }

    /** An incident's transitions, oldest first (404 for an unknown incident). */
    @WithSession
    public Uni<List<ResponseTransition>> history(UUID incidentId) {
        return records.findById(incidentId).chain(record -> record == null
                ? Uni.createFrom().failure(ProblemException.notFound("Response record of incident", incidentId))
                : transitions.of(incidentId));
    }

    private Uni<Void> apply(ResponseRecord record, LifecycleAction action, Change change, String by, Instant at) {
        // The database keeps microseconds: the event must carry the very moment the record holds.
        Instant now = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        ResponseStatus from = record.status;
        LifecycleRules.apply(record, action, change, by, now);
        return transitions.countOf(record.incidentId).chain(count -> {
            ResponseTransition t = new ResponseTransition();
            t.id = UUID.randomUUID();
            t.incidentId = record.incidentId;
            t.seq = count.intValue() + 1;
            t.action = action;
            t.fromStatus = from;
            t.toStatus = record.status;
            t.changedBy = by;
            t.changedAt = now;
            t.via = change.via();
            t.note = action == LifecycleAction.RESOLVE ? record.resolutionSummary : FreeText.orNull(change.note());
            return transitions.persist(t);
        }).chain(t -> outbox.record(type(action), record.incidentId.toString(), event(record, from, t)))
                .chain(() -> action == LifecycleAction.RESOLVE ? drills.resolved(record, now) : Uni.createFrom().voidItem())
                .replaceWithVoid();
    }

    private static ResponseStatusChanged event(ResponseRecord r, ResponseStatus from, ResponseTransition t) {
        return new ResponseStatusChanged(r.incidentId, r.incidentKey, r.businessService, r.priority, r.drill, r.status.name(),
                from.name(), t.changedBy, t.changedAt, t.via, t.action == LifecycleAction.RESOLVE ? null : t.note,
                r.detectedAt, r.declaredAt, r.acknowledgedAt, r.acknowledgedBy, r.mitigatedAt, r.resolvedAt, r.closedAt,
                r.resolutionSummary, r.postmortemDecision == null ? null : r.postmortemDecision.name(), r.postmortemReason,
                r.reopenCount);
    }

    static String type(LifecycleAction action) {
        return switch (action) {
            case ACKNOWLEDGE -> EventTypes.RESPONSE_ACKNOWLEDGED;
            case MITIGATE -> EventTypes.RESPONSE_MITIGATED;
            case RESOLVE -> EventTypes.RESPONSE_RESOLVED;
            case CLOSE -> EventTypes.RESPONSE_CLOSED;
            case REOPEN -> EventTypes.RESPONSE_REOPENED;
        };
    }
}
