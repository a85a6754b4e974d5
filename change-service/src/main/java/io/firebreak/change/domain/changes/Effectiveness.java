package io.firebreak.change.domain.changes;

import io.firebreak.change.config.ChangeConfig;
import io.firebreak.change.domain.Alignment;
import io.firebreak.change.domain.ChangeState;
import io.firebreak.change.domain.incidents.ChangeProjection;
import io.firebreak.change.model.EmergencyChange;
import io.firebreak.change.model.Incident;
import io.firebreak.change.model.SuspectedRegression;
import io.firebreak.change.persistence.ChangeRepository;
import io.firebreak.events.EffectivenessReview;
import io.firebreak.events.EventTypes;
import io.firebreak.events.RegressionSuspected;
import io.firebreak.platform.access.RoleHolders;
import io.firebreak.platform.delivery.Reminders;
import io.firebreak.platform.deadline.Deadlines;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.problem.FreeText;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The effectiveness review every implemented emergency change gets within 24 hours: did the incident's impact stop
 * (response's mitigated/resolved after the implementation), and did a new incident start on the target or a service
 * that depends on it within the window (a suspected regression, linked automatically)? The reviewer records the
 * outcome; an overdue review escalates.
 */
@ApplicationScoped
public class Effectiveness {

    public static final Set<String> OUTCOMES = Set.of("EFFECTIVE", "PARTIALLY_EFFECTIVE", "NOT_EFFECTIVE", "CAUSED_REGRESSION");

    private final ChangeRepository changes;
    private final ChangeProjection projection;
    private final RoleHolders roles;
    private final Outbox outbox;
    private final Deadlines deadlines;
    private final Reminders reminders;
    private final ChangeConfig config;
    private final Clock clock;

    public Effectiveness(ChangeRepository changes, ChangeProjection projection, RoleHolders roles, Outbox outbox, Deadlines deadlines,
                         Reminders reminders, ChangeConfig config, Clock clock) {
        this.changes = changes;
        this.projection = projection;
        this.roles = roles;
        this.outbox = outbox;
        this.deadlines = deadlines;
        this.reminders = reminders;
        this.config = config;
        this.clock = clock;
    }

    /** What the reviewer sees: the impact question answered from events, and the suspected regressions with their incidents. */
    /**
     * {@code impactStopped}: response mitigated or resolved the incident after the implementation. {@code incidentAlerts}:
     * the alert groups of the incident's service still firing, or triggered again, since the implementation — empty when
     * its signals went quiet. {@code alerts}: groups that first triggered on the target or a dependent service in the window.
     */
    public record Picture(EmergencyChange change, Incident incident, boolean impactStopped, Instant impactStoppedAt,
                          List<Regression> regressions, List<Alert> alerts, List<Alert> incidentAlerts) {
    }

    public record Alert(String service, String dedupKey, Instant firstAt, Instant lastTriggeredAt, boolean firing, String summary) {

        static Alert of(io.firebreak.change.model.AlertGroup g) {
            return new Alert(g.service, g.dedupKey, g.firstAt, g.lastTriggeredAt, g.firing(), g.summary);
        }
    }

    public record Regression(UUID incidentId, String incidentKey, String service, Instant startedAt) {
    }

    static Instant impactStoppedAt(Incident incident, Instant implementedAt) {
        Instant stopped = incident.mitigatedAt != null ? incident.mitigatedAt : incident.resolvedAt;
        return implementedAt != null && stopped != null && !stopped.isBefore(implementedAt) ? stopped : null;
    }

    @WithSession
    public Uni<Picture> picture(UUID changeId) {
        return changes.change(changeId).onItem().ifNull().failWith(() -> ProblemException.notFound("Change", changeId)).chain(this::picture);
    }

    private Uni<Picture> picture(EmergencyChange c) {
        return projection.incident(c.incidentId).chain(i -> changes.regressionsOf(c.id).chain(found -> {
            Uni<List<Regression>> regressions = Uni.createFrom().item(new ArrayList<>());
            for (SuspectedRegression r : found) {
                regressions = regressions.chain(list -> projection.incident(r.newIncidentId).map(n -> {
                    list.add(new Regression(r.newIncidentId, n.incidentKey, r.service, r.startedAt));
                    return list;
                }));
            }
            return regressions.chain(list -> alerts(c).chain(alerts -> incidentAlerts(c, i).map(still -> {
                Instant stopped = impactStoppedAt(i, c.implementedAt);
                return new Picture(c, i, stopped != null, stopped, list, alerts, still);
            })));
        }));
    }

    /** Alert groups first triggered within the change's window on its target or a service depending on it. */
    private Uni<List<Alert>> alerts(EmergencyChange c) {
        if (c.implementedAt == null) {
            return Uni.createFrom().item(List.of());
        }
        return projection.dependencyGraph().chain(graph -> {
            List<String> affected = new ArrayList<>(List.of(c.targetService));
            graph.keySet().stream().filter(s -> !s.equals(c.targetService) && Alignment.affectedBy(s, c.targetService, graph)).forEach(affected::add);
            return changes.alertGroupsStarted(affected, c.implementedAt, c.effectivenessDueAt);
        }).map(groups -> groups.stream().map(Alert::of).toList());
    }

    private Uni<List<Alert>> incidentAlerts(EmergencyChange c, Incident i) {
        if (c.implementedAt == null) {
            return Uni.createFrom().item(List.of());
        }
        return changes.alertGroupsOf(i.businessService, c.implementedAt).map(groups -> groups.stream().map(Alert::of).toList());
    }

    /**
     * Alert signals accepted at intake, in record order: triggers and resolves of their groups (one row per group, one
     * statement per group and batch — see {@link AlertGroupFold}; in the consumer's transaction). Acknowledgements
     * change nothing here.
     */
    public Uni<Void> alertSignals(List<io.firebreak.events.SignalReceived> signals) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (AlertGroupFold.Effect e : AlertGroupFold.fold(signals)) {
            all = all.call(() -> changes.alertGroupSeen(e.service(), e.dedupKey(), e.firstAt(), e.earliestTrigger(), e.latestTrigger(),
                    e.latestResolve(), e.insertSummary(), e.triggerSummary()));
        }
        return all;
    }

    /**
     * A newly declared incident: a suspected regression of every change implemented on its service, or on a service
     * its service depends on, whose window contains the declaration. In the consumer's transaction.
     */
    public Uni<Void> incidentDeclared(Incident incident) {
        return changes.effectivenessWindowsOpenAt(incident.declaredAt).chain(open -> {
            List<EmergencyChange> candidates = open.stream().filter(c -> !c.incidentId.equals(incident.incidentId)).toList();
            if (candidates.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return projection.dependencyGraph().chain(graph -> {
                Uni<Void> all = Uni.createFrom().voidItem();
                for (EmergencyChange c : candidates) {
                    if (Alignment.affectedBy(incident.businessService, c.targetService, graph)) {
                        all = all.call(() -> suspect(c, incident));
                    }
                }
                return all;
            });
        });
    }

    private Uni<Void> suspect(EmergencyChange c, Incident newIncident) {
        return changes.regression(c.id, newIncident.incidentId).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            SuspectedRegression r = new SuspectedRegression();
            r.changeId = c.id;
            r.newIncidentId = newIncident.incidentId;
            r.service = newIncident.businessService;
            r.startedAt = newIncident.declaredAt;
            return changes.persist(r).chain(() -> projection.incident(c.incidentId)).chain(i -> outbox.record(
                    EventTypes.CHANGE_REGRESSION_SUSPECTED, i.incidentId.toString(), new RegressionSuspected(i.incidentId, i.incidentKey, c.id,
                            c.key(), c.targetService, newIncident.incidentId, newIncident.incidentKey, newIncident.businessService,
                            c.implementedAt, newIncident.declaredAt, i.drill))).replaceWithVoid();
        });
    }

    /** The reviewer records the outcome; a change approver or the incident's commander or Technical Lead reviews. */
    @WithTransaction
    public Uni<Picture> review(UUID changeId, String outcome, String notes, Actor actor) {
        List<Violation> problems = new ArrayList<>();
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            problems.add(new Violation("outcome", "is required: " + String.join(", ", OUTCOMES.stream().sorted().toList())));
        }
        FreeText.check(problems, "notes", notes, !"EFFECTIVE".equals(outcome), 4000);
        if (!problems.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(problems));
        }
        return changes.locked(changeId).onItem().ifNull().failWith(() -> ProblemException.notFound("Change", changeId)).chain(c -> {
            ChangeState state = ChangeState.valueOf(c.state);
            if (!state.canGoTo(ChangeState.REVIEWED)) {
                return Uni.createFrom().failure(ProblemException.conflict(c.key() + " is " + state
                        + "; the effectiveness review follows the validation of an implemented change"));
            }
            return roles.holds(c.incidentId, RoleHolders.INCIDENT_COMMANDER, actor.user())
                    .chain(ic -> ic ? Uni.createFrom().item(true) : roles.holds(c.incidentId, RoleHolders.TECH_LEAD, actor.user()))
                    .chain(holder -> {
                        if (!holder && !actor.has(io.firebreak.platform.security.Roles.CHANGE_APPROVER)) {
                            return Uni.createFrom().failure(ProblemException.forbidden("A change approver, or the incident's commander or"
                                    + " Technical Lead, reviews the effectiveness of " + c.key()));
                        }
                        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                        c.state = ChangeState.REVIEWED.name();
                        c.effectivenessOutcome = outcome;
                        c.effectivenessNotes = FreeText.orNull(notes);
                        c.reviewedBy = actor.user();
                        c.reviewedAt = now;
                        return deadlines.cancel(EmergencyChanges.EFFECTIVENESS_DEADLINE, c.id.toString()).chain(() -> picture(c))
                                .call(p -> outbox.record(EventTypes.CHANGE_EFFECTIVENESS_REVIEWED, p.incident().incidentId.toString(),
                                        event(p, null, now)));
                    });
        });
    }

    static EffectivenessReview event(Picture p, Integer level, Instant at) {
        EmergencyChange c = p.change();
        return new EffectivenessReview(p.incident().incidentId, p.incident().incidentKey, c.id, c.key(), c.implementedAt, c.effectivenessDueAt,
                c.effectivenessOutcome, c.reviewedBy, c.effectivenessNotes, p.impactStopped(),
                p.regressions().stream().map(Regression::incidentKey).toList(),
                p.alerts().stream().map(a -> a.service() + "/" + a.dedupKey()).toList(), level, at, p.incident().drill);
    }

    /** Fires when the review is due and at each escalation after: publish, remind, and schedule the next level. */
    @WithTransaction
    public Uni<Void> overdue(UUID changeId, int level, Instant at) {
        return changes.change(changeId).chain(c -> {
            if (c == null || c.reviewedAt != null || !Set.of(ChangeState.IMPLEMENTED.name(), ChangeState.VALIDATED.name()).contains(c.state)) {
                return Uni.createFrom().voidItem();
            }
            return picture(c).chain(p -> outbox.record(EventTypes.CHANGE_EFFECTIVENESS_OVERDUE, p.incident().incidentId.toString(),
                            event(p, level, at))
                    .call(() -> roles.holders(c.incidentId, RoleHolders.INCIDENT_COMMANDER).chain(ics -> {
                        List<String> people = new ArrayList<>(List.of(c.requestedBy, c.approvedBy == null ? c.requestedBy : c.approvedBy));
                        if (level > 1) {
                            people.addAll(ics);
                        }
                        return reminders.remind(c.key() + "/effectiveness/" + level, people.stream().distinct().toList(),
                                "[Firebreak] " + c.key() + " effectiveness review overdue (level " + level + ")",
                                "The effectiveness review of " + c.key() + " (" + c.action + " on " + c.targetService + ", "
                                        + p.incident().incidentKey + ") was due at " + c.effectivenessDueAt + ".\n"
                                        + "Impact stopped after the change: " + (p.impactStopped() ? "yes" : "no") + "; suspected regressions: "
                                        + (p.regressions().isEmpty() ? "none" : String.join(", ", p.regressions().stream()
                                        .map(Regression::incidentKey).toList())) + "; new alert groups: " + p.alerts().size()
                                        + ".\nRecord the outcome in Firebreak.");
                    }))
                    .call(() -> level >= config.effectivenessEscalations() ? Uni.createFrom().voidItem()
                            : deadlines.schedule(EmergencyChanges.EFFECTIVENESS_DEADLINE, c.id.toString(),
                            at.plus(config.effectivenessEscalationInterval()), Map.of("level", level + 1))).replaceWithVoid());
        });
    }
}
