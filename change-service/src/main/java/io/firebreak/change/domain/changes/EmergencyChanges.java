package io.firebreak.change.domain.changes;

import io.firebreak.change.config.ChangeConfig;
import io.firebreak.change.domain.Alignment;
import io.firebreak.change.domain.ChangeState;
import io.firebreak.change.domain.DueDates;
import io.firebreak.change.domain.Freezes;
import io.firebreak.change.domain.Segregation;
import io.firebreak.change.domain.catalog.ActionRules;
import io.firebreak.change.domain.freeze.FreezeCalendar;
import io.firebreak.change.domain.incidents.ChangeProjection;
import io.firebreak.change.model.ActionCatalogVersion;
import io.firebreak.change.model.Documentation;
import io.firebreak.change.model.EmergencyChange;
import io.firebreak.change.model.FreezeExceptionGrant;
import io.firebreak.change.model.Incident;
import io.firebreak.change.persistence.ActionCatalogRepository;
import io.firebreak.change.persistence.ChangeRepository;
import io.firebreak.events.EventTypes;
import io.firebreak.events.FreezeException;
import io.firebreak.platform.access.RoleHolders;
import io.firebreak.platform.deadline.Deadlines;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.problem.FreeText;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actor;
import io.firebreak.platform.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Emergency changes that bypass the CAB with guard rails: requested for an active P1/P2 against a confirmed triage
 * finding (root-cause alignment) with an action of the pre-authorised catalog; approved by someone other than the
 * requester; implemented only outside freezes or with a valid exception; validated by someone other than the
 * implementer; documented retroactively. Every transition publishes its event in the same transaction.
 */
@ApplicationScoped
public class EmergencyChanges {

    public static final String VALIDATION_DEADLINE = "change.validation-due";
    public static final String DOCUMENTATION_DEADLINE = "change.documentation-due";
    public static final String EFFECTIVENESS_DEADLINE = "change.effectiveness-due";
    public static final String EXCEPTION_DEADLINE = "change.freeze-exception-expiry";
    static final Set<String> RISKS = Set.of("LOW", "MEDIUM", "HIGH");
    static final Duration LONGEST_EXCEPTION = Duration.ofDays(7);

    private final ChangeRepository changes;
    private final ActionCatalogRepository catalog;
    private final ChangeProjection projection;
    private final RoleHolders roles;
    private final FreezeCalendar freezes;
    private final ChangeEvents events;
    private final Outbox outbox;
    private final Deadlines deadlines;
    private final ChangeConfig config;
    private final Clock clock;

    public EmergencyChanges(ChangeRepository changes, ActionCatalogRepository catalog, ChangeProjection projection, RoleHolders roles,
                            FreezeCalendar freezes, ChangeEvents events, Outbox outbox, Deadlines deadlines, ChangeConfig config, Clock clock) {
        this.changes = changes;
        this.catalog = catalog;
        this.projection = projection;
        this.roles = roles;
        this.freezes = freezes;
        this.events = events;
        this.outbox = outbox;
        this.deadlines = deadlines;
        this.config = config;
        this.clock = clock;
    }

    DueDates dueDates() {
        return new DueDates(config.validationWindow(), config.documentationDeadline(), config.effectivenessWindow());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** A change with its incident, as every read and transition needs both. */
    public record Loaded(EmergencyChange change, Incident incident) {
    }

    @WithTransaction
    public Uni<Loaded> request(UUID incidentId, ChangeRequest in, Actor actor) {
        List<Violation> problems = new ArrayList<>();
        FreeText.check(problems, "targetService", in.targetService(), true, 200);
        FreeText.check(problems, "description", in.description(), true, 4000);
        FreeText.check(problems, "expectedEffect", in.expectedEffect(), true, 2000);
        FreeText.check(problems, "alignmentOverride", in.alignmentOverride(), false, 4000);
        if (in.risk() == null || !RISKS.contains(in.risk())) {
            problems.add(new Violation("risk", "is required: LOW, MEDIUM or HIGH"));
        }
        if (in.rollbackPlan() == null || in.rollbackPlan().steps() == null
                || in.rollbackPlan().steps().stream().allMatch(s -> s == null || s.isBlank())) {
            problems.add(new Violation("rollbackPlan.steps", "every emergency change needs a rollback plan with its steps"));
        }
        if (in.findingId() == null) {
            problems.add(new Violation("findingId", "is required: the confirmed triage finding of this incident the change answers"));
        }
        if (in.alignmentOverride() != null && !in.alignmentOverride().isBlank() && !actor.has(Roles.CHANGE_APPROVER)) {
            return Uni.createFrom().failure(ProblemException.forbidden("Only a change approver may override root-cause alignment"));
        }
        if (!problems.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(problems));
        }
        return projection.incident(incidentId).onItem().ifNull().failWith(() -> ProblemException.notFound("Incident", incidentId))
                .chain(incident -> {
                    if (!incident.takesEmergencyChanges()) {
                        return Uni.createFrom().failure(ProblemException.conflict(incident.incidentKey + " is a " + incident.priority + " in "
                                + incident.responseStatus + "; emergency changes are for active P1 and P2 incidents"));
                    }
                    return catalog.current().chain(actions -> projection.dependencyGraph().chain(graph ->
                            projection.finding(in.findingId()).chain(finding -> {
                                List<Violation> refused = new ArrayList<>();
                                String target = in.targetService().strip();
                                if (!graph.containsKey(target)) {
                                    refused.add(new Violation("targetService", target + " is not a business service of the catalog"));
                                } else {
                                    String notOurs = Alignment.targetRefusal(incident.businessService, target, graph);
                                    if (notOurs != null) {
                                        refused.add(new Violation("targetService", notOurs));
                                    }
                                }
                                refused.addAll(ActionRules.refusal(actions.actions, in.action(), target, in.parameters()));
                                String override = FreeText.orNull(in.alignmentOverride());
                                if (finding == null || !finding.incidentId.equals(incident.incidentId)) {
                                    refused.add(new Violation("findingId", "is not a confirmed triage finding of " + incident.incidentKey));
                                } else if (refused.stream().noneMatch(v -> v.field().equals("targetService"))) {
                                    String mismatch = Alignment.mismatch(finding.component, target, graph);
                                    if (mismatch != null && override == null) {
                                        refused.add(new Violation("findingId", mismatch + "; a change approver may override with a written"
                                                + " justification (alignmentOverride)"));
                                    }
                                    if (mismatch == null && override != null) {
                                        refused.add(new Violation("alignmentOverride", "the change is aligned with its finding; there is nothing to override"));
                                    }
                                }
                                if (!refused.isEmpty()) {
                                    return Uni.createFrom().failure(ProblemException.invalid(refused));
                                }
                                return create(incident, in, target, override, finding.component, actions, actor);
                            })));
                });
    }

    private Uni<Loaded> create(Incident incident, ChangeRequest in, String target, String override, String component,
                               ActionCatalogVersion actions, Actor actor) {
        Instant now = now();
        return changes.nextNumber().chain(number -> {
            EmergencyChange c = new EmergencyChange();
            c.id = UUID.randomUUID();
            c.number = number;
            c.incidentId = incident.incidentId;
            c.targetService = target;
            c.action = in.action();
            c.actionCatalogVersion = actions.version;
            c.parameters = in.parameters() == null ? Map.of() : Map.copyOf(in.parameters());
            c.description = in.description().strip();
            c.expectedEffect = in.expectedEffect().strip();
            c.risk = in.risk();
            c.rollbackPlan = in.rollbackPlan();
            c.findingId = in.findingId();
            c.alignmentOverride = override;
            c.overrideBy = override == null ? null : actor.user();
            c.state = ChangeState.REQUESTED.name();
            c.requestedBy = actor.user();
            c.requestedAt = now;
            return changes.persist(c)
                    .call(() -> events.transition(EventTypes.CHANGE_REQUESTED, incident, c, actor.user(), now, null, null, null))
                    .call(() -> override == null ? Uni.createFrom().voidItem()
                            : events.flag("ALIGNMENT_OVERRIDE", incident, c, null, target, c.key() + " targets " + target + " although the cited finding"
                                    + " points at " + component + "; " + actor.user() + " justified: " + override, now).replaceWithVoid())
                    .map(x -> new Loaded(c, incident));
        });
    }

    @WithSession
    public Uni<Loaded> find(UUID changeId) {
        return changes.change(changeId).onItem().ifNull().failWith(() -> ProblemException.notFound("Change", changeId))
                .chain(c -> projection.incident(c.incidentId).map(i -> new Loaded(c, i)));
    }

    @WithSession
    public Uni<List<EmergencyChange>> ofIncident(UUID incidentId) {
        return projection.incident(incidentId).onItem().ifNull().failWith(() -> ProblemException.notFound("Incident", incidentId))
                .chain(i -> changes.changesOf(incidentId));
    }

    /** The change locked for a transition, with its incident; 409 unless it may go to {@code target}. */
    private Uni<Loaded> forTransition(UUID changeId, ChangeState target) {
        return changes.locked(changeId).onItem().ifNull().failWith(() -> ProblemException.notFound("Change", changeId)).chain(c -> {
            ChangeState from = ChangeState.valueOf(c.state);
            if (!from.canGoTo(target)) {
                return Uni.createFrom().failure(ProblemException.conflict(c.key() + " is " + from + "; it cannot become " + target
                        + (from.terminal() ? "" : " (next: " + from.next() + ")")));
            }
            return projection.incident(c.incidentId).map(i -> new Loaded(c, i));
        });
    }

    private static String required(String field, String value, int max) {
        List<Violation> problems = new ArrayList<>();
        FreeText.check(problems, field, value, true, max);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return value.strip();
    }

    @WithTransaction
    public Uni<Loaded> approve(UUID changeId, String reason, Actor actor) {
        String why = required("reason", reason, 2000);
        return forTransition(changeId, ChangeState.APPROVED).chain(l -> catalog.version(l.change().actionCatalogVersion).chain(actions ->
                roles.holds(l.incident().incidentId, RoleHolders.INCIDENT_COMMANDER, actor.user()).chain(isIc -> {
                    var type = actions == null ? null : actions.action(l.change().action);
                    boolean icMay = type != null && type.icMayApprove();
                    String refusal = Segregation.approvalRefusal(l.change().requestedBy,
                            new Segregation.Approver(actor.user(), actor.has(Roles.CHANGE_APPROVER), isIc), icMay);
                    if (refusal != null) {
                        return Uni.createFrom().failure(ProblemException.forbidden(refusal));
                    }
                    if (!l.incident().active()) {
                        return Uni.createFrom().failure(ProblemException.conflict(l.incident().incidentKey + " is " + l.incident().responseStatus
                                + "; an emergency change is approved only while its incident is active"));
                    }
                    Instant now = now();
                    EmergencyChange c = l.change();
                    c.state = ChangeState.APPROVED.name();
                    c.approvedBy = actor.user();
                    c.approvedAs = actor.has(Roles.CHANGE_APPROVER) ? "CHANGE_APPROVER" : "INCIDENT_COMMANDER";
                    c.approvedAt = now;
                    c.decisionReason = why;
                    return events.transition(EventTypes.CHANGE_APPROVED, l.incident(), c, actor.user(), now, why, null, null).replaceWith(l);
                })));
    }

    @WithTransaction
    public Uni<Loaded> reject(UUID changeId, String reason, Actor actor) {
        String why = required("reason", reason, 2000);
        return forTransition(changeId, ChangeState.REJECTED).chain(l -> roles.holds(l.incident().incidentId, RoleHolders.INCIDENT_COMMANDER,
                actor.user()).chain(isIc -> {
            if (l.change().requestedBy.equals(actor.user())) {
                return Uni.createFrom().failure(ProblemException.forbidden("The requester withdraws a change (cancel); someone else rejects it"));
            }
            if (!actor.has(Roles.CHANGE_APPROVER) && !isIc) {
                return Uni.createFrom().failure(ProblemException.forbidden("Only a change approver or the incident's commander rejects a change"));
            }
            Instant now = now();
            EmergencyChange c = l.change();
            c.state = ChangeState.REJECTED.name();
            c.rejectedBy = actor.user();
            c.rejectedAt = now;
            c.decisionReason = why;
            return events.transition(EventTypes.CHANGE_REJECTED, l.incident(), c, actor.user(), now, why, null, null).replaceWith(l);
        }));
    }

    @WithTransaction
    public Uni<Loaded> cancel(UUID changeId, String reason, Actor actor) {
        String why = required("reason", reason, 2000);
        return forTransition(changeId, ChangeState.CANCELLED).chain(l -> {
            if (!l.change().requestedBy.equals(actor.user()) && !actor.hasAny(Roles.CHANGE_APPROVER, Roles.ADMIN)) {
                return Uni.createFrom().failure(ProblemException.forbidden("Only the requester, a change approver or an admin cancels a change"));
            }
            Instant now = now();
            EmergencyChange c = l.change();
            c.state = ChangeState.CANCELLED.name();
            c.cancelledBy = actor.user();
            c.cancelledAt = now;
            c.decisionReason = why;
            return deadlines.cancel(EXCEPTION_DEADLINE, c.id.toString())
                    .call(() -> events.transition(EventTypes.CHANGE_CANCELLED, l.incident(), c, actor.user(), now, why, null, null)).replaceWith(l);
        });
    }

    /** Implementation starts now: refused inside a freeze unless a valid exception names every window that freezes the target. */
    @WithTransaction
    public Uni<Loaded> startImplementation(UUID changeId, Actor actor) {
        return forTransition(changeId, ChangeState.IMPLEMENTING).chain(l -> {
            Instant now = now();
            EmergencyChange c = l.change();
            return freezes.covering(c.targetService, now).chain(covering -> changes.exceptionsOf(c.id).chain(exceptions -> {
                String refusal = FreezeCalendar.refusal(covering, exceptions, now);
                if (refusal != null) {
                    return Uni.createFrom().failure(ProblemException.conflict(refusal));
                }
                c.state = ChangeState.IMPLEMENTING.name();
                c.implementer = actor.user();
                c.implementationStartedAt = now;
                return events.transition(EventTypes.CHANGE_IMPLEMENTATION_STARTED, l.incident(), c, actor.user(), now, null, null, null)
                        .replaceWith(l);
            }));
        });
    }

    /** The implementer (or the incident's commander) reports it done: validation, documentation and effectiveness fall due. */
    @WithTransaction
    public Uni<Loaded> implemented(UUID changeId, Actor actor) {
        return forTransition(changeId, ChangeState.IMPLEMENTED).chain(l -> roles.holds(l.incident().incidentId, RoleHolders.INCIDENT_COMMANDER,
                actor.user()).chain(isIc -> {
            EmergencyChange c = l.change();
            if (!c.implementer.equals(actor.user()) && !isIc) {
                return Uni.createFrom().failure(ProblemException.forbidden("Only the implementer (" + c.implementer
                        + ") or the incident's commander reports " + c.key() + " implemented"));
            }
            Instant now = now();
            DueDates due = dueDates();
            c.state = ChangeState.IMPLEMENTED.name();
            c.implementedAt = now;
            c.validationDueAt = due.validationDue(now);
            c.documentationDueAt = due.documentationDue(now);
            c.effectivenessDueAt = due.effectivenessDue(now);
            String subject = c.id.toString();
            return deadlines.schedule(VALIDATION_DEADLINE, subject, c.validationDueAt, null)
                    .call(() -> deadlines.schedule(DOCUMENTATION_DEADLINE, subject, c.documentationDueAt, null))
                    .call(() -> deadlines.schedule(EFFECTIVENESS_DEADLINE, subject, c.effectivenessDueAt, Map.of("level", 1)))
                    .call(() -> events.transition(EventTypes.CHANGE_IMPLEMENTED, l.incident(), c, actor.user(), now, null, c.validationDueAt, null))
                    .replaceWith(l);
        }));
    }

    @WithTransaction
    public Uni<Loaded> validate(UUID changeId, String result, String evidence, Actor actor) {
        if (!"PASSED".equals(result) && !"FAILED".equals(result)) {
            throw ProblemException.invalid(List.of(new Violation("result", "is required: PASSED or FAILED")));
        }
        String proof = required("evidence", evidence, 4000);
        return forTransition(changeId, ChangeState.VALIDATED).chain(l -> {
            EmergencyChange c = l.change();
            String refusal = Segregation.validationRefusal(c.implementer, actor.user());
            if (refusal != null) {
                return Uni.createFrom().failure(ProblemException.forbidden(refusal));
            }
            Instant now = now();
            c.state = ChangeState.VALIDATED.name();
            c.validatedBy = actor.user();
            c.validatedAt = now;
            c.validationResult = result;
            c.validationEvidence = proof;
            return deadlines.cancel(VALIDATION_DEADLINE, c.id.toString())
                    .call(() -> events.transition(EventTypes.CHANGE_VALIDATED, l.incident(), c, actor.user(), now, null, null, result))
                    .replaceWith(l);
        });
    }

    @WithTransaction
    public Uni<Loaded> rollBack(UUID changeId, String reason, Actor actor) {
        String why = required("reason", reason, 2000);
        return forTransition(changeId, ChangeState.ROLLED_BACK).chain(l -> {
            Instant now = now();
            EmergencyChange c = l.change();
            c.state = ChangeState.ROLLED_BACK.name();
            c.rolledBackBy = actor.user();
            c.rolledBackAt = now;
            c.decisionReason = why;
            // Documentation stays due: a rolled-back emergency change is still a change that happened.
            String subject = c.id.toString();
            return deadlines.cancel(VALIDATION_DEADLINE, subject)
                    .call(() -> deadlines.cancel(EFFECTIVENESS_DEADLINE, subject))
                    .call(() -> events.transition(EventTypes.CHANGE_ROLLED_BACK, l.incident(), c, actor.user(), now, why, null, null))
                    .replaceWith(l);
        });
    }

    /** Retroactive documentation, once implementation has happened; by the requester, the implementer or a change approver. */
    @WithTransaction
    public Uni<Loaded> document(UUID changeId, Documentation doc, Actor actor) {
        List<Violation> problems = new ArrayList<>();
        FreeText.check(problems, "record", doc == null ? null : doc.record(), true, 20000);
        if (doc == null || doc.testsDone() == null || doc.testsDone().stream().allMatch(t -> t == null || t.isBlank())) {
            problems.add(new Violation("testsDone", "list the tests done"));
        }
        if (doc == null || doc.approvals() == null || doc.approvals().stream().allMatch(t -> t == null || t.isBlank())) {
            problems.add(new Violation("approvals", "list the approvals obtained"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return changes.locked(changeId).onItem().ifNull().failWith(() -> ProblemException.notFound("Change", changeId)).chain(c -> {
            if (c.implementationStartedAt == null) {
                return Uni.createFrom().failure(ProblemException.conflict(c.key() + " is " + c.state
                        + "; retroactive documentation follows its implementation"));
            }
            if (!actor.user().equals(c.requestedBy) && !actor.user().equals(c.implementer) && !actor.hasAny(Roles.CHANGE_APPROVER, Roles.ADMIN)) {
                return Uni.createFrom().failure(ProblemException.forbidden("The requester, the implementer or a change approver documents " + c.key()));
            }
            Instant now = now();
            c.documentation = new Documentation(doc.record().strip(), doc.testsDone(), doc.approvals(), FreeText.orNull(doc.notes()));
            c.documentedBy = actor.user();
            c.documentedAt = now;
            return projection.incident(c.incidentId).chain(i -> deadlines.cancel(DOCUMENTATION_DEADLINE, c.id.toString())
                    .call(() -> events.transition(EventTypes.CHANGE_DOCUMENTED, i, c, actor.user(), now, null, null, null))
                    .replaceWith(new Loaded(c, i)));
        });
    }

    @WithSession
    public Uni<List<FreezeExceptionGrant>> exceptions(UUID changeId) {
        return changes.exceptionsOf(changeId);
    }

    /**
     * A change approver other than the requester grants a time-bound exception for the freeze windows that cover the
     * target until it expires; only with a complete rollback plan (steps, verification, estimated rollback time).
     */
    @WithTransaction
    public Uni<FreezeExceptionGrant> grantException(UUID changeId, Instant expiresAt, String reason, Actor actor) {
        String why = required("reason", reason, 2000);
        Instant now = now();
        if (expiresAt == null || !expiresAt.isAfter(now)) {
            throw ProblemException.invalid(List.of(new Violation("expiresAt", "is required and must be in the future")));
        }
        if (expiresAt.isAfter(now.plus(LONGEST_EXCEPTION))) {
            throw ProblemException.invalid(List.of(new Violation("expiresAt", "a freeze exception lasts at most " + LONGEST_EXCEPTION.toDays() + " days")));
        }
        return changes.locked(changeId).onItem().ifNull().failWith(() -> ProblemException.notFound("Change", changeId)).chain(c -> {
            if (!Set.of(ChangeState.REQUESTED.name(), ChangeState.APPROVED.name()).contains(c.state)) {
                return Uni.createFrom().failure(ProblemException.conflict(c.key() + " is " + c.state
                        + "; a freeze exception is granted before implementation starts"));
            }
            if (c.requestedBy.equals(actor.user())) {
                return Uni.createFrom().failure(ProblemException.forbidden("The requester of a change cannot grant its freeze exception"));
            }
            var plan = c.rollbackPlan;
            List<String> gaps = Freezes.planGaps(new Freezes.RollbackPlan(plan.steps(), plan.verification(),
                    plan.estimatedRollbackMinutes() == null ? null : Duration.ofMinutes(plan.estimatedRollbackMinutes())));
            if (!gaps.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.invalid(gaps.stream().map(g -> new Violation("rollbackPlan", g)).toList()));
            }
            Instant expires = expiresAt.truncatedTo(ChronoUnit.MICROS);
            return freezes.overlapping(c.targetService, now, expires).chain(windows -> {
                if (windows.isEmpty()) {
                    return Uni.createFrom().failure(ProblemException.conflict("No freeze window covers " + c.targetService + " before "
                            + expires + "; " + c.key() + " needs no exception"));
                }
                FreezeExceptionGrant e = new FreezeExceptionGrant();
                e.id = UUID.randomUUID();
                e.changeId = c.id;
                e.windows = windows.stream().map(w -> w.name).distinct().toList();
                e.grantedBy = actor.user();
                e.grantedAt = now;
                e.expiresAt = expires;
                e.reason = why;
                return changes.persist(e)
                        .call(() -> deadlines.schedule(EXCEPTION_DEADLINE, e.id.toString(), e.expiresAt, null))
                        .call(() -> projection.incident(c.incidentId).chain(i -> outbox.record(EventTypes.FREEZE_EXCEPTION_GRANTED,
                                i.incidentId.toString(), new FreezeException(i.incidentId, i.incidentKey, c.id, c.key(), e.id, e.windows,
                                        e.grantedBy, e.grantedAt, e.expiresAt, e.reason, null, i.drill))));
            });
        });
    }

    /** Fires at an exception's expiry: records it and tells subscribers (an implementation in the freeze is refused from now). */
    @WithTransaction
    public Uni<Void> exceptionExpired(UUID exceptionId, Instant at) {
        return changes.exception(exceptionId).chain(e -> {
            if (e == null || e.expiredAt != null) {
                return Uni.createFrom().voidItem();
            }
            e.expiredAt = at.truncatedTo(ChronoUnit.MICROS);
            return changes.change(e.changeId).chain(c -> projection.incident(c.incidentId).chain(i -> outbox.record(
                    EventTypes.FREEZE_EXCEPTION_EXPIRED, i.incidentId.toString(), new FreezeException(i.incidentId, i.incidentKey, c.id,
                            c.key(), e.id, e.windows, e.grantedBy, e.grantedAt, e.expiresAt, e.reason, e.expiredAt, i.drill)))).replaceWithVoid();
        });
    }
}
