package io.firebreak.response.domain.paging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.events.EscalationDelayed;
import io.firebreak.events.EscalationEscalated;
import io.firebreak.events.EscalationWindowBreached;
import io.firebreak.events.EventTypes;
import io.firebreak.events.IncidentDeclared;
import io.firebreak.events.PageAcknowledged;
import io.firebreak.events.Priority;
import io.firebreak.events.PriorityChanged;
import io.firebreak.events.ResponderEngaged;
import io.firebreak.platform.audit.AuditLog;
import io.firebreak.platform.deadline.Deadlines;
import io.firebreak.platform.delivery.OutboundDeliveries;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.work.AfterCommit;
import io.firebreak.platform.work.SafeContext;
import io.firebreak.response.config.ResponseConfig;
import io.firebreak.response.domain.lifecycle.ResponseLifecycle;
import io.firebreak.response.model.oncall.BusinessServiceView;
import io.firebreak.response.model.oncall.ResponseRole;
import io.firebreak.response.model.oncall.Schedule;
import io.firebreak.response.model.paging.Escalation;
import io.firebreak.response.model.paging.EscalationKind;
import io.firebreak.response.model.paging.EscalationLevel;
import io.firebreak.response.model.paging.EscalationPolicy;
import io.firebreak.response.model.paging.EscalationStatus;
import io.firebreak.response.model.paging.EscalationTarget;
import io.firebreak.response.model.paging.IncidentPaging;
import io.firebreak.response.model.paging.Page;
import io.firebreak.response.model.paging.PageStatus;
import io.firebreak.response.model.paging.PagingStatus;
import io.firebreak.response.persistence.oncall.BusinessServiceRepository;
import io.firebreak.response.persistence.oncall.ScheduleRepository;
import io.firebreak.response.persistence.paging.EscalationPolicyRepository;
import io.firebreak.response.persistence.paging.EscalationRepository;
import io.firebreak.response.persistence.paging.IncidentPagingRepository;
import io.firebreak.response.persistence.paging.PageRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Pages an incident by priority. P1 and P2 start escalations (the service's policy, the responsible
 * teams' policies and, for P1, the on-call Incident Commander, Communications Lead and Technical Lead);
 * P3/P4 page nobody. The first acknowledgement stops every escalation of the incident. The incident's
 * paging row is locked by every change, so acknowledgements, escalations and priority changes of one
 * incident never interleave.
 */
@ApplicationScoped
public class Paging {

    public static final String ESCALATION = "response.escalation";
    /** A declared P1's roles still to page (subject: the incident): the fallback should the step after the commit not run. */
    public static final String ROLES = "response.p1-roles";
    /**
     * How long after a P1's declaration its roles' deadline falls due. The step after the commit pages them within
     * milliseconds and cancels it; the deadline pages them only when that step never ran (the replica died) or failed.
     */
    static final Duration ROLES_FALLBACK = Duration.ofSeconds(2);
    private static final Logger LOG = Logger.getLogger(Paging.class);
    static final List<ResponseRole> P1_ROLES = List.of(ResponseRole.INCIDENT_COMMANDER, ResponseRole.COMMS_LEAD, ResponseRole.TECH_LEAD);

    private final IncidentPagingRepository pagings;
    private final EscalationRepository escalations;
    private final EscalationPolicyRepository policies;
    private final PageRepository pages;
    private final BusinessServiceRepository services;
    private final ScheduleRepository schedules;
    private final TargetResolver targets;
    private final PageNotifier notifier;
    private final Deadlines deadlines;
    private final OutboundDeliveries deliveries;
    private final Outbox outbox;
    private final AuditLog audit;
    private final ObjectMapper mapper;
    private final ResponseConfig config;
    private final Clock clock;

    private final ResponseLifecycle lifecycle;
    private final Vertx vertx;

    public Paging(IncidentPagingRepository pagings, EscalationRepository escalations, EscalationPolicyRepository policies,
                  PageRepository pages, BusinessServiceRepository services, ScheduleRepository schedules, TargetResolver targets,
                  PageNotifier notifier, Deadlines deadlines, OutboundDeliveries deliveries, Outbox outbox, AuditLog audit,
                  ObjectMapper mapper, ResponseConfig config, Clock clock, ResponseLifecycle lifecycle, Vertx vertx) {
        this.lifecycle = lifecycle;
        this.vertx = vertx;
        this.pagings = pagings;
        this.escalations = escalations;
        this.policies = policies;
        this.pages = pages;
        this.services = services;
        this.schedules = schedules;
        this.targets = targets;
        this.notifier = notifier;
        this.deadlines = deadlines;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.audit = audit;
        this.mapper = mapper;
        this.config = config;
        this.clock = clock;
    }

    /** A declared incident: P1/P2 paged, P3/P4 recorded as a low-urgency notice. A second declaration changes nothing. */
    @WithTransaction
    public Uni<Boolean> declared(IncidentDeclared declared) {
        return declared(declared, false);
    }

    /**
     * As {@link #declared(IncidentDeclared)}; {@code firstSeen}: the caller has just opened the incident's response in this
     * transaction (its paging row is written in the same one), so no paging row can exist and none is looked for.
     */
    @WithTransaction
    public Uni<Boolean> declared(IncidentDeclared declared, boolean firstSeen) {
        Uni<IncidentPaging> found = firstSeen ? Uni.createFrom().nullItem() : pagings.findById(declared.incidentId());
        return found.chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(false);
            }
            IncidentPaging paging = new IncidentPaging();
            paging.incidentId = declared.incidentId();
            paging.incidentKey = declared.key();
            paging.title = declared.title();
            paging.businessService = declared.businessService();
            paging.priority = declared.priority();
            paging.drill = Boolean.TRUE.equals(declared.drill());
            paging.responsibleTeams = declared.responsibleTeams() == null ? new String[0] : declared.responsibleTeams().toArray(String[]::new);
            paging.declaredAt = declared.declaredAt();
            paging.updatedAt = clock.instant();
            paging.status = urgent(paging.priority) ? PagingStatus.ACTIVE : PagingStatus.LOW_URGENCY;
            paging.fresh = true;
            // Persisted after its escalations and pages (their references to it are checked at commit): inserted once with
            // its first page's time, not inserted and then updated.
            Uni<Void> started = paging.status == PagingStatus.ACTIVE ? startAll(paging, true) : Uni.createFrom().voidItem();
            return started.chain(() -> pagings.persist(paging)).replaceWith(true);
        });
    }

    /**
     * Follows the priority: below P2 stops pending escalations; P2 → P1 adds the P1 roles; a low-urgency
     * or stopped incident raised to P1/P2 is paged from now.
     */
    @WithTransaction
    public Uni<Boolean> priorityChanged(PriorityChanged change) {
        if ("FINAL".equals(change.reason())) {
            return Uni.createFrom().item(false);
        }
        return pagings.locked(change.incidentId()).chain(paging -> {
            if (paging == null || paging.priority == change.priority()) {
                return Uni.createFrom().item(false);
            }
            Priority before = paging.priority;
            paging.priority = change.priority();
            paging.updatedAt = clock.instant();
            if (!urgent(change.priority())) {
                return paging.status == PagingStatus.ACTIVE ? stop(paging, PagingStatus.STOPPED).replaceWith(true) : Uni.createFrom().item(true);
            }
            if (paging.status == PagingStatus.LOW_URGENCY || paging.status == PagingStatus.STOPPED) {
                paging.status = PagingStatus.ACTIVE;
                return startAll(paging, false).replaceWith(true);
            }
            if (change.priority() == Priority.P1 && before != Priority.P1) {
                return startRoles(paging).replaceWith(true);
            }
            return Uni.createFrom().item(true);
        });
    }

    private static boolean urgent(Priority p) {
        return p == Priority.P1 || p == Priority.P2;
    }

    /**
     * Starts the service's and the responsible teams' escalations and, for a P1, the roles'. A declaration defers the
     * roles to a transaction of their own right after its commit ({@link #deferRoles}): the service's on-call is then
     * paged when a quarter of a P1's work has committed, not all of it.
     */
    private Uni<Void> startAll(IncidentPaging paging, boolean rolesAfterCommit) {
        return policies.serviceWithDefaultPolicy(paging.businessService).chain(found -> {
            BusinessServiceView service = found.service();
            Set<String> teams = new LinkedHashSet<>();
            String owning = service == null ? null : service.owningTeam;
            if (owning != null) {
                teams.add(owning);
            }
            teams.addAll(List.of(paging.responsibleTeams));
            // The teams' deadlines (and a declared P1's roles' fallback) are scheduled together, in one statement.
            Deadlines.Batch later = deadlines.batch();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (String team : teams) {
                EscalationKind kind = team.equals(owning) ? EscalationKind.SERVICE : EscalationKind.RESPONSIBLE_TEAM;
                Uni<EscalationPolicy> policy = kind == EscalationKind.SERVICE ? Uni.createFrom().item(found.owningTeamDefault())
                        : policies.defaultOf(team);
                chain = chain.chain(() -> startTeam(paging, team, kind, policy, later));
            }
            if (paging.priority == Priority.P1 && rolesAfterCommit) {
                chain = chain.invoke(() -> deferRoles(paging.incidentId, later));
            }
            chain = chain.chain(() -> deadlines.schedule(later));
            return paging.priority == Priority.P1 && !rolesAfterCommit ? chain.chain(() -> startRoles(paging, service)) : chain;
        });
    }

    /**
     * Adds the roles' fallback deadline to the transaction's batch and, where the transaction has an after-commit scope
     * (a consumer's inbox, a deadline's firing), pages the roles right after the commit in a transaction of its own.
     * Both ways end in {@link #pageRoles}, which pages each role once however often it runs.
     */
    private void deferRoles(UUID incidentId, Deadlines.Batch later) {
        later.add(ROLES, incidentId.toString(), clock.instant().plus(ROLES_FALLBACK), null);
        AfterCommit.register(() -> pageRolesNow(incidentId));
    }

    private void pageRolesNow(UUID incidentId) {
        // A safe context of its own, as a message's: the committed transaction's context is still finishing its message.
        SafeContext.run(vertx, () -> AfterCommit.around(() -> Panache.withTransaction(() -> pageRoles(incidentId)))).subscribe().with(
                paged -> { },
                e -> LOG.warnf("The P1 roles of incident %s were not paged after its declaration (%s); their deadline pages them",
                        incidentId, e.getMessage()));
    }

    /** The roles' deadline came due: the step after the declaration's commit did not run or failed. */
    @WithTransaction
    public Uni<Boolean> rolesDue(UUID incidentId) {
        return pageRoles(incidentId);
    }

    /**
     * Pages a declared P1's roles unless it is no longer an active P1. The deadline is cancelled before the paging row is
     * locked, in the order its firing takes them (deadline row, then paging row), so the two ways never deadlock; a role
     * already escalated is not started again.
     */
    private Uni<Boolean> pageRoles(UUID incidentId) {
        return deadlines.cancel(ROLES, incidentId.toString()).chain(() -> pagings.locked(incidentId)).chain(paging -> {
            if (paging == null || paging.status != PagingStatus.ACTIVE || paging.priority != Priority.P1) {
                return Uni.createFrom().item(false);
            }
            return startRoles(paging).replaceWith(true);
        });
    }

    /** A team's default policy, or (without one) a single level paging the team's on-call, else its manager. */
    private Uni<Void> startTeam(IncidentPaging paging, String teamId, EscalationKind kind, Uni<EscalationPolicy> defaultPolicy,
                                Deadlines.Batch later) {
        return defaultPolicy.chain(policy -> {
            Escalation e = new Escalation();
            e.kind = kind;
            e.teamId = teamId;
            if (policy != null) {
                e.policyId = policy.id;
                e.targetKey = "policy:" + policy.id;
            } else {
                e.targetKey = "team:" + teamId;
            }
            return begin(paging, e, later);
        });
    }

    private Uni<Void> startRoles(IncidentPaging paging) {
        return services.findById(paging.businessService).chain(service -> startRoles(paging, service));
    }

    private Uni<Void> startRoles(IncidentPaging paging, BusinessServiceView service) {
        String owning = service == null ? null : service.owningTeam;
        String roleTeam = config.paging().roleTeam();
        List<String> teams = RolePlans.teams(owning, roleTeam);
        return policies.ofTeams(teams).chain(teamPolicies -> schedules.forRoles(teams, P1_ROLES)
                .chain(roleSchedules -> startRoles(paging, owning, roleTeam, teamPolicies, roleSchedules)));
    }

    private Uni<Void> startRoles(IncidentPaging paging, String owning, String roleTeam, List<EscalationPolicy> teamPolicies,
                                 List<Schedule> roleSchedules) {
        Deadlines.Batch later = deadlines.batch();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ResponseRole role : P1_ROLES) {
            RolePlans.RolePlan plan = RolePlans.choose(role, owning, roleTeam, teamPolicies, roleSchedules);
            chain = chain.chain(() -> {
                if (plan == null) {
                    return Uni.createFrom().voidItem();
                }
                Escalation e = new Escalation();
                e.kind = EscalationKind.ROLE;
                e.role = role;
                if (plan.policy() != null) {
                    e.policyId = plan.policy().id;
                    e.teamId = plan.policy().teamId;
                    e.targetKey = "role:" + role + ":policy:" + plan.policy().id;
                } else {
                    e.scheduleId = plan.schedule().id;
                    e.teamId = plan.schedule().teamId;
                    e.targetKey = "role:" + role + ":" + plan.schedule().id;
                }
                return begin(paging, e, later);
            });
        }
        return chain.chain(() -> deadlines.schedule(later));
    }

    /** Starts an escalation at its first level, unless the incident already has one for that target; its deadlines go into {@code later}. */
    private Uni<Void> begin(IncidentPaging paging, Escalation e, Deadlines.Batch later) {
        Uni<Long> existing = paging.fresh ? Uni.createFrom().item(0L)
                : escalations.count("incidentId = ?1 and targetKey = ?2", paging.incidentId, e.targetKey);
        return existing.chain(n -> {
            if (n > 0) {
                return Uni.createFrom().voidItem();
            }
            Instant now = clock.instant();
            e.id = UUID.randomUUID();
            e.incidentId = paging.incidentId;
            e.level = 0;
            e.round = 0;
            e.status = EscalationStatus.ACTIVE;
            e.levelStartedAt = now;
            e.createdAt = now;
            // Its level and window are settled before the insert: set after persist, they cost an UPDATE per escalation.
            return levels(e).chain(levels -> plan(paging, e, levels)).chain(recipients -> escalations.persist(e)
                    .chain(() -> recipients == null ? Uni.createFrom().voidItem() : page(paging, e, recipients, later)));
        });
    }

    /** Pages the escalation's current level (see {@link #plan}) and sets its window. */
    private Uni<Void> pageLevel(IncidentPaging paging, Escalation e, Levels levels) {
        Deadlines.Batch later = deadlines.batch();
        return plan(paging, e, levels).chain(recipients -> recipients == null ? Uni.createFrom().voidItem() : page(paging, e, recipients, later))
                .chain(() -> deadlines.schedule(later));
    }

    /**
     * Settles the level to page now and its window, and answers who to page (null when the escalation is exhausted).
     * A level with nobody available to page (everyone marked unavailable, no holder) is passed on to the next level of
     * the round at once rather than waiting out its window.
     */
    private Uni<List<Recipient>> plan(IncidentPaging paging, Escalation e, Levels levels) {
        EscalationLevel level = EscalationWindows.level(levels.levels(), e.level);
        if (level == null) {
            e.status = EscalationStatus.EXHAUSTED;
            return Uni.createFrom().nullItem();
        }
        Instant now = clock.instant();
        return targets.resolve(level.targets(), e.teamId, e.role, now).chain(recipients -> {
            if (recipients.isEmpty() && e.level + 1 < levels.levels().size()) {
                return passOn(paging, e, e.level + 1, e.round, "NOBODY_AVAILABLE").chain(() -> plan(paging, e, levels));
            }
            e.dueAt = now.plus(EscalationWindows.window(level, paging.priority, levels.windowP1(), levels.windowP2()));
            e.delayedUntil = null;
            return Uni.createFrom().item(recipients);
        });
    }

    /** Pages the recipients; the pages' deadlines and the escalation's window go into {@code later}, for the caller to schedule. */
    private Uni<Void> page(IncidentPaging paging, Escalation e, List<Recipient> recipients, Deadlines.Batch later) {
        return notifier.page(paging, e, recipients, later).invoke(() -> later.add(ESCALATION, subject(e), e.dueAt, null)).replaceWithVoid();
    }

    /** Moves the escalation to a level at once and publishes why (the caller pages it). */
    private Uni<Void> passOn(IncidentPaging paging, Escalation e, int toLevel, int toRound, String reason) {
        Instant now = clock.instant();
        Instant startedAt = e.levelStartedAt;
        int fromLevel = e.level;
        e.level = toLevel;
        e.round = toRound;
        e.levelStartedAt = now;
        return outbox.record(EventTypes.ESCALATION_ESCALATED, paging.incidentId.toString(), new EscalationEscalated(paging.incidentId,
                e.id, e.teamId, role(e), fromLevel, toLevel, toRound, paging.priority, paging.drill, startedAt, now, reason)).replaceWithVoid();
    }

    /**
     * Everyone paged at the escalation's current level became unavailable: the next level (the role's
     * succession) is paged now instead of when the window ends. Nothing happens when the escalation moved
     * on or ended meanwhile, or has no further level.
     */
    @WithTransaction
    public Uni<Boolean> passOnUnavailable(UUID incidentId, UUID escalationId, int level, int round) {
        return pagings.locked(incidentId).chain(paging -> paging == null || paging.status != PagingStatus.ACTIVE
                ? Uni.createFrom().item(false)
                : escalations.findById(escalationId).chain(e -> {
                    if (e == null || e.status != EscalationStatus.ACTIVE || e.level != level || e.round != round) {
                        return Uni.createFrom().item(false);
                    }
                    return levels(e).chain(levels -> {
                        EscalationWindows.Step next = EscalationWindows.next(e.level, e.round, levels.levels().size(), levels.repeatCount());
                        if (next == null) {
                            return Uni.createFrom().item(false);
                        }
                        return passOn(paging, e, next.level(), next.round(), "HOLDER_UNAVAILABLE")
                                .chain(() -> pageLevel(paging, e, levels)).replaceWith(true);
                    });
                }));
    }

    private record Levels(List<EscalationLevel> levels, int repeatCount, Duration windowP1, Duration windowP2) {
    }

    /** The escalation's levels: its policy's, a role's holder then succession, or a team's on-call. */
    private Uni<Levels> levels(Escalation e) {
        Duration p1 = config.paging().windowP1();
        Duration p2 = config.paging().windowP2();
        if (e.policyId != null) {
            return policies.findById(e.policyId).map(policy -> policy == null ? new Levels(List.of(), 0, p1, p2)
                    : new Levels(policy.levels, policy.repeatCount, Duration.ofSeconds(policy.windowP1Seconds),
                            Duration.ofSeconds(policy.windowP2Seconds)));
        }
        if (e.scheduleId != null) {
            return schedules.findById(e.scheduleId).map(s -> {
                List<EscalationLevel> levels = new ArrayList<>();
                levels.add(new EscalationLevel(List.of(new EscalationTarget(EscalationTarget.Type.SCHEDULE, e.scheduleId.toString())), null));
                if (s != null) {
                    for (String backup : s.succession) {
                        levels.add(new EscalationLevel(List.of(new EscalationTarget(EscalationTarget.Type.PERSON, backup)), null));
                    }
                }
                return new Levels(levels, 0, p1, p2);
            });
        }
        return Uni.createFrom().item(new Levels(List.of(new EscalationLevel(
                List.of(new EscalationTarget(EscalationTarget.Type.TEAM, e.teamId)), null)), 0, p1, p2));
    }

    /** An escalation's window passed: breached, and the next level (or a repeat) is paged. */
    @WithTransaction
    public Uni<Void> windowPassed(UUID incidentId, UUID escalationId) {
        return pagings.locked(incidentId).chain(paging -> {
            if (paging == null || paging.status != PagingStatus.ACTIVE) {
                return Uni.createFrom().voidItem();
            }
            return escalations.findById(escalationId).chain(e -> {
                if (e == null || e.status != EscalationStatus.ACTIVE) {
                    return Uni.createFrom().voidItem();
                }
                Instant now = clock.instant();
                Instant startedAt = e.levelStartedAt;
                long window = Duration.between(startedAt, e.dueAt).toSeconds();
                Uni<?> breached = outbox.record(EventTypes.ESCALATION_WINDOW_BREACHED, incidentId.toString(), new EscalationWindowBreached(
                        incidentId, e.id, e.teamId, role(e), e.level, e.round, window, startedAt, now));
                return breached.chain(() -> levels(e)).chain(levels -> {
                    EscalationWindows.Step next = EscalationWindows.next(e.level, e.round, levels.levels().size(), levels.repeatCount());
                    if (next == null) {
                        e.status = EscalationStatus.EXHAUSTED;
                        e.dueAt = null;
                        return Uni.createFrom().voidItem();
                    }
                    return passOn(paging, e, next.level(), next.round(), "WINDOW_BREACHED").chain(() -> pageLevel(paging, e, levels));
                });
            });
        });
    }

    /** What an acknowledgement (for {@code person}) did: the first one, or who acknowledged first and when. */
    public record Acknowledgement(UUID incidentId, String person, boolean first, String acknowledgedBy, Instant acknowledgedAt) {
    }

    /**
     * Acknowledges the incident for {@code person}. The first acknowledgement stops every escalation and
     * pending notification and is published; later ones record the person's engagement only.
     */
    @WithTransaction
    public Uni<Acknowledgement> acknowledge(UUID incidentId, String person, String via, UUID pageId) {
        return pagings.locked(incidentId).chain(paging -> {
            if (paging == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Paging of incident", incidentId));
            }
            Instant now = clock.instant();
            if (paging.status == PagingStatus.STOPPED || paging.status == PagingStatus.LOW_URGENCY) {
                // Nobody is being paged (P3/P4, or a downgrade stopped it): the response itself is acknowledged.
                return lifecycle.acknowledged(incidentId, person, via, now).map(ack -> ack == null
                        ? new Acknowledgement(incidentId, person, true, person, now)
                        : new Acknowledgement(incidentId, person, ack.first(), ack.by(), ack.at()));
            }
            return pages.of(incidentId).chain(list -> {
                List<Page> mine = list.stream().filter(p -> p.person.equals(person)).toList();
                boolean engagedBefore = person.equals(paging.acknowledgedBy) || mine.stream().anyMatch(p -> p.status == PageStatus.ACKNOWLEDGED);
                for (Page p : mine) {
                    if (p.status != PageStatus.ACKNOWLEDGED) {
                        p.status = PageStatus.ACKNOWLEDGED;
                        p.acknowledgedAt = now;
                    }
                }
                Page paged = pageId != null ? mine.stream().filter(p -> p.id.equals(pageId)).findFirst().orElse(null)
                        : mine.isEmpty() ? null : mine.get(0);
                Uni<?> engaged = engagedBefore ? Uni.createFrom().voidItem()
                        : outbox.record(EventTypes.RESPONDER_ENGAGED, incidentId.toString(), new ResponderEngaged(incidentId, person,
                                paged == null ? null : paged.teamId, paged == null || paged.role == null ? null : paged.role.name(),
                                paged == null ? null : paged.id, via, paged == null ? null : paged.triggeredAt, now));
                if (paging.status == PagingStatus.ACKNOWLEDGED) {
                    return engaged.replaceWith(new Acknowledgement(incidentId, person, false, paging.acknowledgedBy, paging.acknowledgedAt));
                }
                paging.status = PagingStatus.ACKNOWLEDGED;
                paging.acknowledgedBy = person;
                paging.acknowledgedAt = now;
                paging.acknowledgedVia = via;
                paging.updatedAt = now;
                return halt(paging, EscalationStatus.ACKNOWLEDGED)
                        .chain(() -> lifecycle.acknowledged(incidentId, person, via, now))
                        .chain(() -> outbox.record(EventTypes.PAGE_ACKNOWLEDGED, incidentId.toString(), new PageAcknowledged(incidentId,
                                paging.incidentKey, paged == null ? null : paged.id, person, via, paging.priority, paging.drill,
                                paging.declaredAt, paging.firstPageAt, now)))
                        .chain(() -> engaged)
                        .replaceWith(new Acknowledgement(incidentId, person, true, person, now));
            });
        });
    }

    private Uni<Void> stop(IncidentPaging paging, PagingStatus status) {
        paging.status = status;
        return halt(paging, EscalationStatus.STOPPED);
    }

    /**
     * Ends every active escalation of the incident and everything still due for its pages. A page not yet handed to
     * any channel is cancelled with its deliveries: left TRIGGERED it would claim a page on its way that never leaves
     * (the fault run found such pages after acknowledgements that overtook the next level's delivery).
     */
    private Uni<Void> halt(IncidentPaging paging, EscalationStatus status) {
        String prefix = paging.incidentId + "/";
        return escalations.active(paging.incidentId).invoke(list -> list.forEach(e -> {
                    e.status = status;
                    e.dueAt = null;
                }))
                .chain(() -> pages.of(paging.incidentId)).invoke(list -> list.stream()
                        .filter(p -> p.status == PageStatus.TRIGGERED && p.deliveredAt == null)
                        .forEach(p -> p.status = PageStatus.CANCELLED))
                .chain(() -> deadlines.cancelAll(ESCALATION, prefix))
                .chain(() -> deadlines.cancelAll(PageNotifier.STEP, prefix))
                .chain(() -> deadlines.cancelAll(PageNotifier.REPEAT, prefix))
                .chain(() -> deliveries.cancelPendingWithPrefix(PageNotifier.PURPOSE, PageNotifier.incidentPrefix(paging.incidentId)))
                .replaceWithVoid();
    }

    /**
     * Holds an escalation beyond its window until {@code until}: only with a written justification and at
     * most the priority's bound; audited and published.
     */
    @WithTransaction
    public Uni<Escalation> delay(UUID incidentId, UUID escalationId, Instant until, String justification, String by) {
        return pagings.locked(incidentId).chain(paging -> {
            if (paging == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Paging of incident", incidentId));
            }
            return escalations.findById(escalationId).chain(e -> {
                if (e == null || !e.incidentId.equals(incidentId)) {
                    return Uni.createFrom().failure(ProblemException.notFound("Escalation", escalationId));
                }
                if (e.status != EscalationStatus.ACTIVE || paging.status != PagingStatus.ACTIVE) {
                    return Uni.createFrom().failure(ProblemException.conflict("Escalation " + escalationId + " is " + e.status
                            + "; only an active escalation can be delayed"));
                }
                return levels(e).chain(levels -> {
                    // The bound counts from the end of the level's own window, however often it was delayed.
                    Instant windowEnd = e.levelStartedAt.plus(EscalationWindows.window(EscalationWindows.level(levels.levels(), e.level),
                            paging.priority, levels.windowP1(), levels.windowP2()));
                    String refusal = EscalationWindows.refusal(windowEnd, until, justification, paging.priority,
                            config.paging().maxDelayP1(), config.paging().maxDelayP2());
                    if (refusal != null) {
                        String field = justification == null || justification.strip().length() < 10 ? "justification" : "until";
                        return Uni.createFrom().failure(ProblemException.invalid(List.of(new Violation(field, refusal))));
                    }
                    return postpone(paging, e, until, justification, by);
                });
            });
        });
    }

    private Uni<Escalation> postpone(IncidentPaging paging, Escalation e, Instant until, String justification, String by) {
        UUID incidentId = paging.incidentId;
        Instant previous = e.dueAt;
        Instant now = clock.instant();
        e.delayedUntil = until;
        e.dueAt = until;
        var record = mapper.createObjectNode().put("incidentId", incidentId.toString()).put("incidentKey", paging.incidentKey)
                .put("escalationId", e.id.toString()).put("level", e.level).put("delayedBy", by)
                .put("justification", justification.strip()).put("previousDueAt", previous.toString())
                .put("delayedUntil", until.toString()).put("at", now.toString());
        return deadlines.schedule(ESCALATION, subject(e), until, null)
                .chain(() -> audit.append("escalation-delays", record))
                .chain(() -> outbox.record(EventTypes.ESCALATION_DELAYED, incidentId.toString(), new EscalationDelayed(incidentId,
                        e.id, e.teamId, e.level, by, justification.strip(), previous, until, now)))
                .replaceWith(e);
    }

    @WithSession
    public Uni<IncidentPaging> find(UUID incidentId) {
        return pagings.findById(incidentId);
    }

    @WithSession
    public Uni<List<Escalation>> escalationsOf(UUID incidentId) {
        return escalations.of(incidentId);
    }

    @WithSession
    public Uni<List<Page>> pagesOf(UUID incidentId) {
        return pages.of(incidentId);
    }

    @WithSession
    public Uni<Page> page(UUID pageId) {
        return pages.findById(pageId);
    }

    /**
     * Marks a page's link (or chat button, which carries the same credential) as used and acknowledges for
     * the paged person, {@code via} the channel it came through; a used link is refused.
     */
    @WithTransaction
    public Uni<Acknowledgement> acknowledgeByLink(UUID pageId, String via) {
        // The incident's paging row is locked before the page is read: of two clicks at once, the second
        // reads the page after the first committed and finds its link used.
        return pages.incidentOf(pageId).chain(incidentId -> incidentId == null ? Uni.createFrom().<Page>nullItem()
                : pagings.locked(incidentId).chain(() -> pages.findById(pageId))).chain(p -> {
            if (p == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Page", pageId));
            }
            if (p.linkUsedAt != null) {
                return Uni.createFrom().failure(new ProblemException(io.firebreak.platform.problem.Problem.of(410, "link-used",
                        "Link already used", "This acknowledgement link was used at " + p.linkUsedAt)));
            }
            p.linkUsedAt = clock.instant();
            if (p.deliveredAt == null) {
                // The link travels only inside the page: it arrived, though its sender may have died before recording
                // that (kill -9 between send and record), and the acknowledgement now cancels the retry that would have.
                p.deliveredAt = p.linkUsedAt;
                p.deliveredVia = Page.PROVEN_BY_LINK;
            }
            return acknowledge(p.incidentId, p.person, via, p.id);
        });
    }

    static String subject(Escalation e) {
        return e.incidentId + "/" + e.id;
    }

    private static String role(Escalation e) {
        return e.role == null ? null : e.role.name();
    }
}
