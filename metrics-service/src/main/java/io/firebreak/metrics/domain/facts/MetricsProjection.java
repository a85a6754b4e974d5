package io.firebreak.metrics.domain.facts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.events.ClassificationDisputed;
import io.firebreak.events.DataQualityFinding;
import io.firebreak.events.EscalationEscalated;
import io.firebreak.events.EventTypes;
import io.firebreak.events.IncidentDeclared;
import io.firebreak.events.PageAcknowledged;
import io.firebreak.events.PageTriggered;
import io.firebreak.events.PostmortemEvent;
import io.firebreak.events.PriorityChanged;
import io.firebreak.events.ResponseStatusChanged;
import io.firebreak.events.ServiceChanged;
import io.firebreak.events.TeamChanged;
import io.firebreak.metrics.config.MetricsConfig;
import io.firebreak.metrics.domain.BusinessImpact;
import io.firebreak.metrics.domain.DataRules;
import io.firebreak.metrics.domain.GovernanceRules;
import io.firebreak.metrics.domain.MetricFormulas;
import io.firebreak.metrics.model.CatalogService;
import io.firebreak.metrics.model.Finding;
import io.firebreak.metrics.model.IncidentLedger;
import io.firebreak.metrics.model.IncidentMetric;
import io.firebreak.metrics.model.Team;
import io.firebreak.metrics.model.rollup.Contribution;
import io.firebreak.metrics.model.rollup.RollupChanges;
import io.firebreak.metrics.persistence.GovernanceRepository;
import io.firebreak.metrics.persistence.MetricsRepository;
import io.firebreak.metrics.persistence.RollupRepository;
import io.firebreak.platform.deadline.Deadlines;
import io.firebreak.platform.inbox.BatchInbox;
import io.firebreak.platform.inbox.CloudEventEnvelope;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.work.InSequence;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Metrics' projection of every topic, in the consumer's inbox transaction: an incident's event is folded into its
 * {@link IncidentLedger} (the row locked, so events of one incident from several topics never overwrite each other),
 * then its figures and findings are recomputed from everything known. A finding that appears is stored with its
 * provenance and published ({@code data_quality.finding}); one that a later event corrected is resolved and published
 * resolved, and the incident counts again.
 */
@ApplicationScoped
public class MetricsProjection {

    /** Event types this projection applies. */
    public static final Set<String> TYPES = Set.of(EventTypes.INCIDENT_DECLARED, EventTypes.INCIDENT_PRIORITY_CHANGED,
            EventTypes.INCIDENT_CLASSIFICATION_DISPUTED, EventTypes.SERVICE_REGISTERED, EventTypes.SERVICE_UPDATED, EventTypes.TEAM_CHANGED,
            EventTypes.PAGE_TRIGGERED, EventTypes.PAGE_ACKNOWLEDGED, EventTypes.ESCALATION_ESCALATED, EventTypes.RESPONSE_ACKNOWLEDGED,
            EventTypes.RESPONSE_MITIGATED, EventTypes.RESPONSE_RESOLVED, EventTypes.RESPONSE_CLOSED, EventTypes.RESPONSE_REOPENED,
            EventTypes.POSTMORTEM_PUBLISHED);

    private static final Set<String> LIFECYCLE = Set.of(EventTypes.RESPONSE_ACKNOWLEDGED, EventTypes.RESPONSE_MITIGATED,
            EventTypes.RESPONSE_RESOLVED, EventTypes.RESPONSE_CLOSED, EventTypes.RESPONSE_REOPENED);

    private final MetricsRepository repository;
    private final RollupRepository rollups;
    private final GovernanceRepository governance;
    private final RecurrenceTriggers recurrence;
    private final Exposition exposition;
    private final Outbox outbox;
    private final Deadlines deadlines;
    private final MetricsConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;

    public MetricsProjection(MetricsRepository repository, RollupRepository rollups, GovernanceRepository governance, RecurrenceTriggers recurrence, Exposition exposition, Outbox outbox, Deadlines deadlines, MetricsConfig config,
                             ObjectMapper mapper, Clock clock) {
        this.repository = repository;
        this.rollups = rollups;
        this.governance = governance;
        this.exposition = exposition;
        this.recurrence = recurrence;
        this.outbox = outbox;
        this.deadlines = deadlines;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Applies events in order, in the caller's transaction, as one fold scope: {@code alongside} runs first for each
     * event (another projection's part of it), the session is flushed and emptied between two events (each sees the
     * rows as the one before left them), and the rollup changes of all of them are written once, at the end. A polled
     * batch of declarations of one day changes the same 48 rollup rows: written once for the batch, not once per event.
     * <p>
     * Every fold of this service takes the fold lock first ({@link MetricsRepository#lockFolds}): a batch holds the
     * locks of many groups, incidents and services until it commits, and taking them one event at a time, in the
     * order events arrive, two batches (or a batch and a deadline) could each wait for the other.
     */
    public Uni<Void> applyAll(List<CloudEventEnvelope> events, Function<CloudEventEnvelope, Uni<Void>> alongside) {
        return folding(scope -> BatchInbox.eachDetached(events, event -> alongside.apply(event)
                .chain(() -> TYPES.contains(event.type()) ? apply(event, scope) : Uni.createFrom().voidItem())));
    }

    private Uni<Void> folding(Function<FoldScope, Uni<Void>> work) {
        FoldScope scope = new FoldScope();
        return repository.lockFolds().chain(() -> work.apply(scope))
                // Last, and in key order: rollup rows are shared by many incidents, so they are held for the shortest time.
                .chain(() -> rollups.add(scope.rollup.nonZero()));
    }

    /** What the events of one fold scope share: their rollup changes, and who belongs to which teams (read once). */
    private static final class FoldScope {
        final RollupChanges rollup = new RollupChanges();
        Map<String, Set<String>> teamsOf;
    }

    private Uni<Void> apply(CloudEventEnvelope event, FoldScope scope) {
        String id = event.id().toString();
        String type = event.type();
        if (EventTypes.INCIDENT_DECLARED.equals(type)) {
            IncidentDeclared d = event.data(mapper, IncidentDeclared.class);
            return fold(scope, d.incidentId(), d.alertGroupId(), l -> {
                l.declared(id, d.key(), d.businessService(), d.priority().name(), d.detectedAt(), d.declaredAt(), Boolean.TRUE.equals(d.drill()),
                        d.alertGroupId(), d.alertFingerprint());
                if (d.impact() != null) {
                    // What the declaration measured had been so since detection.
                    l.impactMeasured(id, d.detectedAt() != null ? d.detectedAt() : d.declaredAt(), d.impact().revenueLossPerHour(),
                            d.impact().usersAffected());
                }
            }).chain(() -> recurrence.check(d.incidentId()));
        }
        if (EventTypes.INCIDENT_PRIORITY_CHANGED.equals(type)) {
            PriorityChanged c = event.data(mapper, PriorityChanged.class);
            return fold(scope, c.incidentId(), l -> {
                l.priorityChanged(id, c.priority().name(), c.reason(), c.changedAt());
                if (c.impact() != null) {
                    l.impactMeasured(id, c.changedAt(), c.impact().revenueLossPerHour(), c.impact().usersAffected());
                }
            });
        }
        if (EventTypes.INCIDENT_CLASSIFICATION_DISPUTED.equals(type)) {
            ClassificationDisputed c = event.data(mapper, ClassificationDisputed.class);
            return fold(scope, c.incidentId(), l -> l.disputed(id, c.reportedAt()));
        }
        if (EventTypes.PAGE_TRIGGERED.equals(type)) {
            PageTriggered p = event.data(mapper, PageTriggered.class);
            return fold(scope, p.incidentId(), l -> l.paged(id, p.person(), p.teamId(), p.declaredAt(), p.triggeredAt(), p.drill()));
        }
        if (EventTypes.PAGE_ACKNOWLEDGED.equals(type)) {
            PageAcknowledged a = event.data(mapper, PageAcknowledged.class);
            return fold(scope, a.incidentId(), l -> l.acknowledged(id, a.declaredAt(), a.acknowledgedAt(), a.drill()));
        }
        if (EventTypes.ESCALATION_ESCALATED.equals(type)) {
            EscalationEscalated e = event.data(mapper, EscalationEscalated.class);
            return fold(scope, e.incidentId(), l -> l.escalated(id, e.fromLevel(), e.toLevel(), e.teamId(), e.levelStartedAt(), e.escalatedAt(), e.drill()));
        }
        if (LIFECYCLE.contains(type)) {
            ResponseStatusChanged s = event.data(mapper, ResponseStatusChanged.class);
            return fold(scope, s.incidentId(), l -> l.lifecycle(id, s.status(), s.incidentKey(), s.businessService(), s.priority().name(), s.drill(),
                    s.detectedAt(), s.declaredAt(), s.acknowledgedAt(), s.mitigatedAt(), s.resolvedAt(), s.closedAt(), s.reopenCount(),
                    s.changedBy(), s.changedAt()));
        }
        if (EventTypes.POSTMORTEM_PUBLISHED.equals(type)) {
            PostmortemEvent p = event.data(mapper, PostmortemEvent.class);
            return fold(scope, p.incidentId(), l -> l.postmortemPublished(id, p.contributingFactors(), p.at()))
                    .chain(() -> recurrence.check(p.incidentId()));
        }
        if (EventTypes.SERVICE_REGISTERED.equals(type) || EventTypes.SERVICE_UPDATED.equals(type)) {
            return serviceChanged(event.data(mapper, ServiceChanged.class));
        }
        if (EventTypes.TEAM_CHANGED.equals(type)) {
            scope.teamsOf = null; // read again by the next fold
            return teamChanged(event.data(mapper, TeamChanged.class));
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> fold(FoldScope scope, UUID incidentId, Consumer<IncidentLedger> change) {
        return fold(scope, incidentId, null, change, clock.instant());
    }

    private Uni<Void> fold(FoldScope scope, UUID incidentId, UUID groupHint, Consumer<IncidentLedger> change) {
        return fold(scope, incidentId, groupHint, change, clock.instant());
    }

    /**
     * The incident's grace for its declaration ended ({@link UnknownIncidentCheck}): judged again as at {@code at}, so it
     * is an UNKNOWN_INCIDENT finding if the declaration is still missing.
     */
    public Uni<Void> graceEnded(UUID incidentId, Instant at) {
        return folding(scope -> fold(scope, incidentId, null, l -> { }, at));
    }

    /**
     * Folds one event into the incident's ledger and recomputes it. An incident of an alert group is judged with the
     * group's other incidents (which is the original, which the duplicates), one group at a time: the group's lock is
     * taken before any of its rows, by every writer, so two folds of one group never wait on each other's rows.
     */
    private Uni<Void> fold(FoldScope scope, UUID incidentId, UUID groupHint, Consumer<IncidentLedger> change, Instant judgedAt) {
        Uni<UUID> group = groupHint != null ? Uni.createFrom().item(groupHint) : repository.alertGroupOf(incidentId);
        RollupChanges rollup = scope.rollup;
        return group.chain(g -> (g == null ? Uni.createFrom().voidItem() : repository.lockGroup(g)).chain(() -> repository.locked(incidentId))
                .chain(m -> teamsOf(scope).chain(teamsOf -> {
                    if (m.ledger == null || m.ledger.incidentId == null) {
                        m.ledger = new IncidentLedger(incidentId);
                    }
                    Uni<?> grace = awaitDeclaration(m.ledger, change, judgedAt);
                    m.alertGroupId = m.ledger.alertGroupId;
                    if (m.alertGroupId == null) {
                        return grace.chain(() -> recompute(m, List.of(), teamsOf, rollup, judgedAt));
                    }
                    return grace.chain(() -> repository.ofAlertGroup(m.alertGroupId)).chain(found -> {
                        List<IncidentMetric> members = new ArrayList<>(found);
                        if (members.stream().noneMatch(x -> x.incidentId.equals(m.incidentId))) {
                            members.add(m); // not flushed yet: one of the group all the same
                        }
                        // Which siblings to recompute is known once this incident's declaration moment is (after its recompute).
                        return recompute(m, siblings(members, m), teamsOf, rollup, judgedAt).chain(() -> {
                            Uni<Void> work = Uni.createFrom().voidItem();
                            for (IncidentMetric other : members) {
                                if (!other.incidentId.equals(m.incidentId) && m.declaredAt != null && other.declaredAt != null
                                        && !other.declaredAt.isBefore(m.declaredAt)) {
                                    // A later incident of the group may now be the duplicate of this one (it is locked with the group).
                                    work = work.chain(() -> recompute(other, siblings(members, other), teamsOf, rollup, judgedAt));
                                }
                            }
                            return work;
                        });
                    });
                })));
    }

    /**
     * Applies the change; an incident first heard of through anything but its declaration gets
     * {@code unknown-incident-grace} for the declaration to arrive (a durable deadline judges it again then), and a
     * declaration that arrives within it ends the wait.
     */
    private Uni<?> awaitDeclaration(IncidentLedger l, Consumer<IncidentLedger> change, Instant now) {
        boolean fresh = l.observations.isEmpty();
        boolean awaited = !fresh && !l.declarationSeen && l.firstHeardAt != null;
        change.accept(l);
        if (fresh && !l.observations.isEmpty()) {
            l.firstHeardAt = now.truncatedTo(ChronoUnit.MICROS);
            if (!l.declarationSeen) {
                return deadlines.schedule(UnknownIncidentCheck.KIND, l.incidentId.toString(), l.firstHeardAt.plus(config.unknownIncidentGrace()), null);
            }
        } else if (awaited && l.declarationSeen) {
            return deadlines.cancel(UnknownIncidentCheck.KIND, l.incidentId.toString());
        }
        return Uni.createFrom().voidItem();
    }

    /**
     * Writes incidents whose ledgers were folded elsewhere (the scale benchmark's seeding tool), through the same
     * figures, rules, findings and rollups as a fold: new incidents, not of an alert group, in the caller's transaction.
     */
    public Uni<Void> importFolded(List<IncidentLedger> ledgers) {
        RollupChanges rollup = new RollupChanges();
        return teamsOf().chain(teamsOf -> {
            List<IncidentMetric> rows = new ArrayList<>(ledgers.size());
            Map<IncidentMetric, List<DataRules.Finding>> found = new java.util.IdentityHashMap<>();
            for (IncidentLedger l : ledgers) {
                IncidentMetric m = new IncidentMetric();
                m.incidentId = l.incidentId;
                m.ledger = l;
                found.put(m, figures(m, List.of(), teamsOf, rollup, List.of(), clock.instant()));
                rows.add(m);
            }
            // The rows first (in batches), then what refers to them.
            return repository.insertAll(rows).chain(() -> hops(rows))
                    .chain(() -> InSequence.forEach(rows.stream().filter(m -> !found.get(m).isEmpty()).toList(),
                            m -> findings(m, found.get(m), List.of(), m.updatedAt)));
        }).chain(() -> rollups.add(rollup.nonZero()));
    }

    /** Who belongs to which teams, read once per fold scope (a team change in it reads them again). */
    private Uni<Map<String, Set<String>>> teamsOf(FoldScope scope) {
        if (scope.teamsOf != null) {
            return Uni.createFrom().item(scope.teamsOf);
        }
        return teamsOf().invoke(t -> scope.teamsOf = t);
    }

    /** Who belongs to which teams (response's teams), for MTTE. */
    private Uni<Map<String, Set<String>>> teamsOf() {
        return repository.teams().map(teams -> {
            Map<String, Set<String>> teamsOf = new java.util.HashMap<>();
            for (Team t : teams) {
                t.members.forEach(p -> teamsOf.computeIfAbsent(p, x -> new HashSet<>()).add(t.teamId));
            }
            return teamsOf;
        });
    }

    private static List<DataRules.Sibling> siblings(List<IncidentMetric> group, IncidentMetric of) {
        List<DataRules.Sibling> out = new ArrayList<>();
        group.stream().filter(g -> !g.incidentId.equals(of.incidentId)).forEach(g -> out.add(new DataRules.Sibling(g.incidentId, g.incidentKey,
                g.declaredAt)));
        return out;
    }

    private Uni<Void> recompute(IncidentMetric m, List<DataRules.Sibling> siblings, Map<String, Set<String>> teamsOf, RollupChanges rollup,
                                Instant judgedAt) {
        return repository.findingsOf(m.incidentId).chain(stored -> {
            List<DataRules.Finding> found = figures(m, siblings, teamsOf, rollup, stored, judgedAt);
            return write(m, found, stored);
        });
    }

    /** Recomputes the incident's figures and findings from its ledger, and records its rollup change. */
    private List<DataRules.Finding> figures(IncidentMetric m, List<DataRules.Sibling> siblings, Map<String, Set<String>> teamsOf,
                                            RollupChanges rollup, List<Finding> stored, Instant judgedAt) {
        Contribution before = contribution(m, stored.stream().filter(f -> f.resolvedAt == null).map(f -> f.rule).collect(Collectors.toSet()));
        IncidentLedger l = m.ledger;
        boolean countedBefore = m.included;
        Long mttaBefore = m.mttaSeconds;
        Long mttrBefore = m.mttrSeconds;
        Long mtteBefore = m.mtteSeconds;
        m.incidentKey = l.key;
        m.businessService = l.service;
        m.priority = l.priority;
        m.initialPriority = l.initialPriority;
        m.drill = l.drillIncident();
        m.declaredAt = l.declaredAt;
        m.resolvedAt = l.resolvedAt;
        m.alertFingerprint = l.alertFingerprint;
        m.factors = l.factors.toArray(String[]::new);
        m.updatedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<DataRules.Finding> found = DataRules.check(l, config.clockSkewTolerance(), siblings, judgedAt, config.unknownIncidentGrace());
        // Within the grace for its declaration an incident has no finding yet, and does not count either.
        m.included = !m.drill && found.isEmpty() && l.declarationSeen;
        m.mttaSeconds = seconds(MetricFormulas.mtta(l));
        m.mttrSeconds = seconds(MetricFormulas.mttr(l));
        m.mtteSeconds = seconds(MetricFormulas.mtte(l, p -> teamsOf.getOrDefault(p, Set.of())));
        m.revenueImpact = BusinessImpact.revenue(l);
        m.customersAffected = BusinessImpact.customersAffected(l);
        rollup.change(before, contribution(m, found.stream().map(f -> f.rule().name()).collect(Collectors.toSet())));
        if (m.included) {
            // Each figure is observed once, when the incident first counts with it.
            exposition.counted(m.priority, m.businessService, firstTime(countedBefore, mttaBefore, m.mttaSeconds),
                    firstTime(countedBefore, mttrBefore, m.mttrSeconds), firstTime(countedBefore, mtteBefore, m.mtteSeconds));
        }
        return found;
    }

    /** Stores the incident's hop latencies and findings (its row is managed: the rest is flushed with the transaction). */
    private Uni<Void> write(IncidentMetric m, List<DataRules.Finding> found, List<Finding> stored) {
        IncidentLedger l = m.ledger;
        return hops(List.of(m)).chain(() -> findings(m, found, stored, m.updatedAt))
                // Everyone who took part in a resolved P1/P2 is asked for feedback, once (a reopening adds only new people).
                .chain(() -> GovernanceRules.surveyed(l) ? governance.invite(m.incidentId, l.key, l.priority, GovernanceRules.participants(l),
                        l.resolvedAt) : Uni.createFrom().voidItem());
    }

    /** Records the hop latencies of these incidents (each once: a hop already recorded is not observed again). */
    private Uni<Void> hops(List<IncidentMetric> incidents) {
        List<MetricsRepository.Hop> hops = new ArrayList<>();
        Map<String, MetricsRepository.Hop> byEvent = new java.util.HashMap<>();
        for (IncidentMetric m : incidents) {
            for (IncidentLedger.Hop h : m.ledger.hops) {
                if (h.levelStartedAt() != null) {
                    MetricsRepository.Hop hop = new MetricsRepository.Hop(m.incidentId, h.eventId(), h.teamId(), h.toLevel(),
                            Duration.between(h.levelStartedAt(), h.escalatedAt()).toSeconds(), h.escalatedAt());
                    hops.add(hop);
                    byEvent.put(h.eventId(), hop);
                }
            }
        }
        return repository.hops(hops).invoke(inserted -> inserted.forEach(e -> exposition.hop(byEvent.get(e).teamId(),
                byEvent.get(e).latencySeconds()))).replaceWithVoid();
    }

    private static Contribution contribution(IncidentMetric m, Set<String> openRules) {
        return Contribution.of(m.declaredAt, m.businessService, m.priority, m.drill, m.included, openRules, m.mttaSeconds, m.mttrSeconds,
                m.mtteSeconds);
    }

    private static Long firstTime(boolean countedBefore, Long before, Long now) {
        return now != null && (!countedBefore || before == null) ? now : null;
    }

    private static Long seconds(Duration d) {
        return d == null ? null : d.toSeconds();
    }

    /** Stores what is found now, resolves what is no longer found, and publishes each change. */
    private Uni<Void> findings(IncidentMetric m, List<DataRules.Finding> found, List<Finding> stored, Instant now) {
        return Uni.createFrom().voidItem().chain(() -> {
            Map<String, Finding> byRule = stored.stream().collect(Collectors.toMap(f -> f.rule, f -> f));
            Set<String> current = found.stream().map(f -> f.rule().name()).collect(Collectors.toSet());
            List<Uni<Void>> work = new ArrayList<>();
            for (DataRules.Finding f : found) {
                Finding s = byRule.get(f.rule().name());
                if (s == null) {
                    Finding n = new Finding();
                    n.incidentId = m.incidentId;
                    n.rule = f.rule().name();
                    n.detail = f.detail();
                    n.evidence = f.evidence();
                    n.foundAt = now;
                    exposition.finding(n.rule);
                    work.add(repository.persist(n).chain(x -> publish(m, n, false, now)));
                } else if (s.resolvedAt != null) {
                    s.resolvedAt = null;
                    s.detail = f.detail();
                    s.evidence = f.evidence();
                    s.foundAt = now;
                    work.add(publish(m, s, false, now));
                } else {
                    s.detail = f.detail();
                    s.evidence = f.evidence();
                }
            }
            for (Finding s : stored) {
                if (s.resolvedAt == null && !current.contains(s.rule)) {
                    s.resolvedAt = now;
                    work.add(publish(m, s, true, now));
                }
            }
            Uni<Void> all = Uni.createFrom().voidItem();
            for (Uni<Void> w : work) {
                all = all.chain(() -> w);
            }
            return all;
        });
    }

    private Uni<Void> publish(IncidentMetric m, Finding f, boolean resolved, Instant at) {
        return outbox.record(EventTypes.DATA_QUALITY_FINDING, m.incidentId.toString(), new DataQualityFinding(m.incidentId, m.incidentKey,
                f.rule, f.detail, f.evidence, resolved, at, m.drill)).replaceWithVoid();
    }

    private Uni<Void> serviceChanged(ServiceChanged c) {
        return repository.service(c.name()).chain(existing -> {
            if (existing != null && existing.updatedAt.isAfter(c.changedAt())) {
                return Uni.createFrom().voidItem();
            }
            CatalogService s = existing == null ? new CatalogService() : existing;
            s.name = c.name();
            s.owningTeam = c.owningTeam();
            if (c.sla() != null) {
                s.sla = c.sla(); // absent from older senders: the last known SLA stays
            }
            s.updatedAt = c.changedAt();
            return existing == null ? repository.persist(s).replaceWithVoid() : Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> teamChanged(TeamChanged t) {
        return repository.team(t.teamId()).chain(existing -> {
            Team team = existing == null ? new Team() : existing;
            team.teamId = t.teamId();
            team.name = t.name();
            team.members = t.members() == null ? List.of() : List.copyOf(t.members());
            return existing == null ? repository.persist(team).replaceWithVoid() : Uni.createFrom().voidItem();
        });
    }
}
