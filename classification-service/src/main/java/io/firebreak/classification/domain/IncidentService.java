package io.firebreak.classification.domain;

import io.firebreak.classification.config.ClassificationConfig;
import io.firebreak.classification.domain.catalog.BusinessService;
import io.firebreak.classification.domain.policy.ClassificationPolicy;
import io.firebreak.classification.domain.policy.Evaluation;
import io.firebreak.classification.domain.policy.ImpactFacts;
import io.firebreak.classification.domain.policy.PolicyEvaluator;
import io.firebreak.classification.domain.policy.PolicyService;
import io.firebreak.classification.persistence.BusinessServiceRepository;
import io.firebreak.classification.persistence.DecisionRepository;
import io.firebreak.classification.persistence.IncidentKeyCounter;
import io.firebreak.classification.persistence.IncidentRepository;
import io.firebreak.events.ClassificationDisputed;
import io.firebreak.events.EventTypes;
import io.firebreak.events.IncidentDeclared;
import io.firebreak.events.Priority;
import io.firebreak.events.PriorityChanged;
import io.firebreak.events.TemporaryP1Designated;
import io.firebreak.events.TemporaryP1Expired;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The incident registry's decisions: declaration (priority computed by the active policy),
 * reclassification, temporary P1 and its expiry, final priority. Every decision is stored in the
 * classification history with its explanation, actor and policy version, and published through the
 * outbox in the same transaction.
 */
@ApplicationScoped
public class IncidentService {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(IncidentService.class);

    private final IncidentRepository incidents;
    private final IncidentKeyCounter keys;
    private final BusinessServiceRepository services;
    private final PolicyService policyService;
    private final DecisionRepository decisions;
    private final Outbox outbox;
    private final Clock clock;
    private final ClassificationConfig config;

    public IncidentService(IncidentRepository incidents, IncidentKeyCounter keys, BusinessServiceRepository services,
                           PolicyService policyService, DecisionRepository decisions, Outbox outbox, Clock clock,
                           ClassificationConfig config) {
        this.incidents = incidents;
        this.keys = keys;
        this.services = services;
        this.policyService = policyService;
        this.decisions = decisions;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Declares an incident. {@code violations} are the request's structural ones; the domain adds its
     * own (unknown service, missing priority or justification) and refuses them all together.
     */
    @WithTransaction
    public Uni<Incident> declare(Declaration d, List<Violation> violations) {
        return services.findById(d.businessService()).chain(service -> (service == null
                ? Uni.createFrom().<ClassificationPolicy>nullItem() : policyService.governing(service.name)).chain(policy -> {
            List<Violation> all = new ArrayList<>(violations);
            if (d.businessService() != null && service == null) {
                all.add(new Violation("businessService", "unknown business service " + d.businessService()));
            }
            ImpactFacts facts = service == null ? d.impact() : complete(d.impact(), service);
            Evaluation evaluation = service == null || policy == null ? null : PolicyEvaluator.evaluate(policy.rules,
                    policy.version, service.name, service.tier, facts);
            if (service != null && policy == null && d.proposedPriority() == null) {
                all.add(new Violation("priority", "is required while no signed classification policy governs "
                        + service.name + " (an owner signs the active policy off for it)"));
            }
            boolean disputed = evaluation != null && d.proposedPriority() != null && d.proposedPriority() != evaluation.priority();
            if (disputed && (d.justification() == null || d.justification().isBlank())) {
                all.add(new Violation("justification", "is required when the proposed priority (" + d.proposedPriority()
                        + ") differs from the policy's (" + evaluation.priority() + ")"));
            }
            if (!all.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.invalid(all));
            }
            return create(d, service, facts, evaluation, disputed);
        }));
    }

    private static String unclassifiedReason(Incident incident, BusinessService service) {
        return "no signed policy governs " + service.name + ": " + (incident.classificationBasis == ClassificationBasis.SEVERITY
                ? "priority from the alert's severity on tier " + service.tier + " (unclassified)" : "the reporter's priority");
    }

    /** The declared facts completed from the catalog (what the policy decides on, and what is stored). */
    static ImpactFacts complete(ImpactFacts declared, BusinessService service) {
        ImpactFacts facts = declared == null ? ImpactFacts.NONE : declared;
        return facts.completedFrom(service.defaultImpact, service.customerFacing, service.regulated, service.usersTotal);
    }

    private Uni<Incident> create(Declaration d, BusinessService service, ImpactFacts facts, Evaluation evaluation,
                                 boolean disputed) {
        Instant now = clock.instant();
        int year = now.atOffset(ZoneOffset.UTC).getYear();
        return keys.next(year).chain(sequence -> {
            Incident incident = new Incident();
            incident.id = UUID.randomUUID();
            incident.key = IncidentKeys.format(year, sequence);
            incident.title = d.title();
            incident.summary = d.summary();
            incident.businessService = service.name;
            incident.impact = facts;
            incident.explanation = evaluation;
            incident.policyVersion = evaluation == null ? null : evaluation.policyVersion();
            incident.priority = evaluation != null ? evaluation.priority() : d.proposedPriority();
            incident.proposedPriority = d.proposedPriority();
            incident.disputeJustification = disputed ? d.justification() : null;
            incident.detectedAt = d.detectedAt();
            incident.declaredAt = now;
            incident.declaredBy = d.declaredBy();
            incident.alertGroupId = d.alertGroupId();
            incident.classificationBasis = evaluation != null ? ClassificationBasis.POLICY
                    : d.basisWithoutPolicy() == null ? ClassificationBasis.REPORTER : d.basisWithoutPolicy();
            return incidents.persist(incident);
        }).call(incident -> decide(incident, d.alertGroupId() == null ? DecisionKind.DECLARED : DecisionKind.AUTO_DECLARED,
                        null, d.declaredBy(), evaluation != null ? null : unclassifiedReason(incident, service)))
                .call(incident -> outbox.record(EventTypes.INCIDENT_DECLARED, incident.id.toString(), declared(incident)))
                .call(incident -> !disputed ? Uni.createFrom().voidItem() : outbox.record(EventTypes.INCIDENT_CLASSIFICATION_DISPUTED,
                        incident.id.toString(), new ClassificationDisputed(incident.id, incident.key, incident.businessService,
                                incident.priority, incident.proposedPriority, incident.disputeJustification, incident.policyVersion,
                                incident.declaredBy, incident.declaredAt)).replaceWithVoid());
    }

    /** Sets a new priority with a reason; new facts, when given, are re-evaluated for the record. */
    @WithTransaction
    public Uni<Incident> reclassify(UUID id, Priority priority, String reason, ImpactFacts facts, Actor actor) {
        return authorised(id, actor).chain(incident -> {
            if (incident.temporaryP1Status == TemporaryP1Status.ACTIVE || incident.temporaryP1Status == TemporaryP1Status.EXPIRED) {
                return Uni.createFrom().failure(ProblemException.conflict(incident.key + " has "
                        + (incident.temporaryP1Status == TemporaryP1Status.ACTIVE ? "a temporary P1" : "an expired temporary P1")
                        + ": confirm or downgrade it instead"));
            }
            if (facts != null) {
                incident.impact = facts;
            }
            return explain(incident).chain(evaluation -> {
                Priority previous = incident.priority;
                incident.priority = priority;
                incident.explanation = evaluation;
                incident.policyVersion = evaluation == null ? incident.policyVersion : evaluation.policyVersion();
                // A person decided the priority now; the policy's view (if any governs) is the recorded explanation.
                incident.classificationBasis = evaluation == null ? ClassificationBasis.REPORTER : incident.classificationBasis;
                return decide(incident, DecisionKind.RECLASSIFIED, previous, actor.user(), reason)
                        .call(() -> changed(incident, previous, "RECLASSIFIED", reason, actor.user()));
            });
        });
    }

    /**
     * A borderline incident treated as P1 for a limited window by someone with pre-approved authority.
     * Borderline means the active policy nearly fired a P1 rule for the incident's facts; when it did
     * not (or no policy is active), {@code borderlineBecause} must say why the case is borderline anyway
     * (typically: the facts that would decide are not measured yet). The priority change is published
     * like any other, so everyone acting on the priority (response, comms) follows it at once.
     */
    @WithTransaction
    public Uni<Incident> designateTemporaryP1(UUID id, String justification, String borderlineBecause, Duration window,
                                              Actor actor) {
        requireTemporaryP1Authority(actor);
        Duration w = window == null ? config.temporaryP1().window() : window;
        if (w.compareTo(config.temporaryP1().maxWindow()) > 0 || w.isNegative() || w.isZero()) {
            return Uni.createFrom().failure(ProblemException.invalid(List.of(new Violation("windowMinutes",
                    "must be between 1 and " + config.temporaryP1().maxWindow().toMinutes()))));
        }
        return authorised(id, actor).chain(incident -> {
            if (incident.priority == Priority.P1) {
                return Uni.createFrom().failure(ProblemException.conflict(incident.key + " is already "
                        + (incident.temporaryP1Status == TemporaryP1Status.ACTIVE ? "a temporary P1" : "P1")));
            }
            return explain(incident).chain(evaluation -> {
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
                return decide(incident, DecisionKind.TEMPORARY_P1, previous, actor.user(), why)
                        .call(() -> outbox.record(EventTypes.INCIDENT_TEMPORARY_P1_DESIGNATED, incident.id.toString(),
                                new TemporaryP1Designated(incident.id, incident.key, incident.businessService, previous,
                                        justification, actor.user(), now, incident.temporaryP1ExpiresAt,
                                        borderline ? null : borderlineBecause)))
                        .call(() -> changed(incident, previous, "TEMPORARY_P1_DESIGNATED", why, actor.user()));
            });
        });
    }

    /** Keeps P1 for good. Also clears an expired designation; one whose window just ran out is expired first. */
    @WithTransaction
    public Uni<Incident> confirmTemporaryP1(UUID id, String comment, Actor actor) {
        requireTemporaryP1Authority(actor);
        return openTemporaryP1(id, actor).chain(incident -> {
            incident.temporaryP1Status = TemporaryP1Status.CONFIRMED;
            return decide(incident, DecisionKind.TEMPORARY_P1_CONFIRMED, Priority.P1, actor.user(), comment)
                    .call(() -> changed(incident, Priority.P1, "TEMPORARY_P1_CONFIRMED", comment, actor.user()));
        });
    }

    /** Ends the temporary P1 with a lower priority. Also clears an expired designation. */
    @WithTransaction
    public Uni<Incident> downgradeTemporaryP1(UUID id, Priority priority, String reason, Actor actor) {
        requireTemporaryP1Authority(actor);
        if (priority == Priority.P1) {
            return Uni.createFrom().failure(ProblemException.invalid(List.of(new Violation("priority",
                    "must be P2, P3 or P4; confirm to keep P1"))));
        }
        return openTemporaryP1(id, actor).chain(incident -> {
            incident.temporaryP1Status = TemporaryP1Status.DOWNGRADED;
            incident.priority = priority;
            return decide(incident, DecisionKind.TEMPORARY_P1_DOWNGRADED, Priority.P1, actor.user(), reason)
                    .call(() -> changed(incident, Priority.P1, "TEMPORARY_P1_DOWNGRADED", reason, actor.user()));
        });
    }

    /**
     * Expires every temporary P1 whose window has passed, each in its own transaction (one conflict,
     * e.g. a confirmation at the same moment, costs that incident's expiry, not the batch's): the
     * incident stays P1 (nobody may quietly lose a P1), is marked for re-review, and the event names
     * the service owners to escalate to. Answers how many expired now.
     */
    public Uni<Integer> expireTemporaryP1s() {
        Instant now = clock.instant();
        return Panache.withSession(() -> incidents.dueTemporaryP1s(now)).chain(due -> {
            Uni<Integer> count = Uni.createFrom().item(0);
            for (UUID id : due) {
                count = count.chain(n -> Panache.withTransaction(() -> existing(id).chain(incident ->
                                TemporaryP1Rules.due(incident, now) ? expire(incident, now).replaceWith(1) : Uni.createFrom().item(0)))
                        .onFailure().recoverWithItem(e -> {
                            LOG.warnf("Temporary P1 of incident %s not expired this run: %s", id, e.getMessage());
                            return 0;
                        })
                        .map(expired -> n + expired));
            }
            return count;
        });
    }

    private Uni<Void> expire(Incident incident, Instant now) {
        incident.temporaryP1Status = TemporaryP1Status.EXPIRED;
        return services.findById(incident.businessService).chain(service -> decide(incident, DecisionKind.TEMPORARY_P1_EXPIRED,
                        Priority.P1, "system", "window ended without confirmation or downgrade; re-review required")
                .call(() -> outbox.record(EventTypes.INCIDENT_TEMPORARY_P1_EXPIRED, incident.id.toString(),
                        new TemporaryP1Expired(incident.id, incident.key, incident.businessService,
                                service == null ? null : service.owningTeam, service == null ? List.of() : service.owners,
                                incident.temporaryP1DesignatedAt, now)))
                .replaceWithVoid());
    }

    /** The priority the incident should have had, as established after the fact (post-mortem). */
    @WithTransaction
    public Uni<Incident> recordFinalPriority(UUID id, Priority priority, String comment, Actor actor) {
        return existing(id).chain(incident -> {
            Priority previous = incident.finalPriority != null ? incident.finalPriority : incident.priority;
            incident.finalPriority = priority;
            return decide(incident, DecisionKind.FINAL, previous, actor.user(), comment)
                    .call(() -> changed(incident, previous, "FINAL", comment, actor.user()));
        });
    }

    /** The incident, if the actor may change it (see {@link Actor#requireIncidentAuthority}); else 403. */
    private Uni<Incident> authorised(UUID id, Actor actor) {
        return existing(id).call(incident -> services.findById(incident.businessService).invoke(service ->
                actor.requireIncidentAuthority(service == null ? List.of() : service.owners, incident.businessService, incident.key)));
    }

    /**
     * The service's most recent auto-declared incident declared since {@code since} that still has an
     * unresolved alert group: the incident a new storm of the same service joins.
     */
    public Uni<Incident> openAutoDeclared(String service, Instant since) {
        return incidents.openAutoDeclared(service, since);
    }

    public Uni<Incident> existing(UUID id) {
        return incidents.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Incident", id));
    }

    /**
     * An ACTIVE or EXPIRED designation, ready to be confirmed or downgraded. An ACTIVE one whose window
     * has run out (the expiry job has not come by yet) is expired now, so the history says what happened.
     */
    private Uni<Incident> openTemporaryP1(UUID id, Actor actor) {
        return authorised(id, actor).chain(incident -> {
            if (incident.temporaryP1Status != TemporaryP1Status.ACTIVE && incident.temporaryP1Status != TemporaryP1Status.EXPIRED) {
                return Uni.createFrom().failure(ProblemException.conflict(incident.key + " has no active or expired temporary P1"));
            }
            Instant now = clock.instant();
            return TemporaryP1Rules.due(incident, now) ? expire(incident, now).replaceWith(incident) : Uni.createFrom().item(incident);
        });
    }

    private void requireTemporaryP1Authority(Actor actor) {
        if (config.temporaryP1().authorisedRoles().stream().noneMatch(actor::has)) {
            throw ProblemException.forbidden("Designating a temporary P1 needs one of the roles "
                    + config.temporaryP1().authorisedRoles());
        }
    }

    /** The incident's facts under the signed policy governing its service now (null when none does). */
    private Uni<Evaluation> explain(Incident incident) {
        return policyService.governing(incident.businessService).chain(policy -> policy == null ? Uni.createFrom().<Evaluation>nullItem()
                : services.findById(incident.businessService).map(s -> s == null ? null : PolicyEvaluator.evaluate(
                        policy.rules, policy.version, s.name, s.tier, complete(incident.impact, s))));
    }

    private Uni<Incident> decide(Incident incident, DecisionKind kind, Priority previous, String actor, String reason) {
        ClassificationDecision decision = new ClassificationDecision();
        decision.id = UUID.randomUUID();
        decision.incidentId = incident.id;
        decision.kind = kind;
        decision.priority = kind == DecisionKind.FINAL ? incident.finalPriority : incident.priority;
        decision.previousPriority = previous;
        decision.policyVersion = incident.policyVersion;
        decision.explanation = incident.explanation;
        decision.actor = actor;
        decision.reason = reason;
        decision.decidedAt = clock.instant();
        return decisions.persist(decision).replaceWith(incident);
    }

    private Uni<Void> changed(Incident incident, Priority previous, String reason, String comment, String actor) {
        Priority now = "FINAL".equals(reason) ? incident.finalPriority : incident.priority;
        return outbox.record(EventTypes.INCIDENT_PRIORITY_CHANGED, incident.id.toString(), new PriorityChanged(incident.id,
                incident.key, incident.businessService, previous, now, reason, comment, incident.policyVersion, actor,
                clock.instant())).replaceWithVoid();
    }

    static IncidentDeclared declared(Incident incident) {
        return new IncidentDeclared(incident.id, incident.key, incident.title, incident.summary,
                incident.businessService, incident.priority, incident.detectedAt, incident.declaredAt, incident.declaredBy);
    }

}
