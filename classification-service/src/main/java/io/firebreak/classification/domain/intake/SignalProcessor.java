package io.firebreak.classification.domain.intake;

import io.firebreak.classification.model.intake.AlertGroup;
import io.firebreak.classification.model.intake.SignalRecord;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.classification.model.ClassificationBasis;
import io.firebreak.classification.domain.Declaration;
import io.firebreak.classification.domain.Classifier;
import io.firebreak.classification.domain.IncidentDeclarations;
import io.firebreak.classification.domain.IncidentQueries;
import io.firebreak.classification.model.catalog.BusinessService;
import io.firebreak.classification.model.policy.ImpactFacts;
import io.firebreak.events.Priority;
import io.firebreak.classification.persistence.AlertGroupRepository;
import io.firebreak.classification.persistence.BusinessServiceRepository;
import io.firebreak.classification.persistence.SignalRepository;
import io.firebreak.events.SignalReceived;
import io.firebreak.classification.model.policy.ClassificationPolicy;
import io.firebreak.platform.work.PhaseTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Groups signals by service and dedup key and declares an incident when a group's impact makes the
 * active policy say P1 or P2 — once per group: the group row (unique while open, optimistically
 * locked) records its incident, and the caller's inbox makes redelivery harmless. Runs inside the
 * inbox transaction.
 */
@ApplicationScoped
public class SignalProcessor {

    private static final Logger LOG = Logger.getLogger(SignalProcessor.class);

    private final AlertGroupRepository groups;
    private final SignalRepository signals;
    private final BusinessServiceRepository services;
    private final IncidentQueries incidents;
    private final IncidentDeclarations declarations;
    private final Classifier classifier;
    private final ObjectMapper mapper;
    private final java.time.Duration groupingWindow;
    private final PhaseTimer phases;

    public SignalProcessor(AlertGroupRepository groups, SignalRepository signals, BusinessServiceRepository services,
                           IncidentQueries incidents, IncidentDeclarations declarations, Classifier classifier,
                           ObjectMapper mapper,
                           io.firebreak.classification.config.ClassificationConfig config, MeterRegistry registry) {
        this.groups = groups;
        this.signals = signals;
        this.services = services;
        this.incidents = incidents;
        this.declarations = declarations;
        this.classifier = classifier;
        this.mapper = mapper;
        this.groupingWindow = config.intake().incidentGroupingWindow();
        this.phases = new PhaseTimer(registry, "firebreak.signals.phase", "Wall time of each phase of processing a segment of signals");
    }

    /** Processes one accepted signal (the record-by-record path of the inbox). */
    public Uni<Void> process(UUID eventId, SignalReceived s, String rawPayload) {
        return process(List.of(new AcceptedSignal(eventId, s, rawPayload)));
    }

    /**
     * Processes signals in their order on the topic, inside the caller's transaction: the open groups of the
     * batch are read in one query, signals are grouped in memory, the groups written in one flush and the raw
     * signals in one statement; then each group that got triggers and has no incident yet is classified. A
     * trigger that follows a resolve of the same alert in the batch starts a new segment, so the resolved group
     * is written before its successor opens (the open group is unique per alert).
     */
    public Uni<Void> process(List<AcceptedSignal> batch) {
        List<List<AcceptedSignal>> segments = SignalSegments.split(batch);
        Map<String, Optional<Governing>> governing = new HashMap<>();
        return Multi.createFrom().iterable(segments)
                .onItem().transformToUniAndConcatenate(segment -> segment(segment, governing))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> segment(List<AcceptedSignal> segment, Map<String, Optional<Governing>> governing) {
        Set<String> serviceNames = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (AcceptedSignal a : segment) {
            serviceNames.add(a.signal().businessService());
            keys.add(a.signal().dedupKey());
        }
        return phases.time("groups-read", () -> groups.openAmong(serviceNames, keys)).chain(open -> {
            Map<SignalSegments.AlertKey, AlertGroup> byKey = new HashMap<>();
            for (AlertGroup g : open) {
                byKey.put(new SignalSegments.AlertKey(g.service, g.dedupKey), g);
            }
            List<AlertGroup> created = new ArrayList<>();
            List<SignalRecord> records = new ArrayList<>(segment.size());
            Map<AlertGroup, List<SignalReceived>> triggered = new LinkedHashMap<>();
            for (AcceptedSignal a : segment) {
                SignalReceived s = a.signal();
                SignalSegments.AlertKey key = SignalSegments.AlertKey.of(s);
                AlertGroup group = byKey.get(key);
                switch (s.action()) {
                    case "trigger" -> {
                        if (group == null) {
                            group = newGroup(s);
                            byKey.put(key, group);
                            created.add(group);
                        } else {
                            trigger(group, s);
                        }
                        triggered.computeIfAbsent(group, g -> new ArrayList<>()).add(s);
                        records.add(record(a, group.id));
                    }
                    case "acknowledge" -> records.add(record(a, transition(group, AlertGroup.Status.ACKNOWLEDGED, s)));
                    case "resolve" -> {
                        records.add(record(a, transition(group, AlertGroup.Status.RESOLVED, s)));
                        byKey.remove(key);
                    }
                    default -> LOG.debugf("Signal %s has unknown action %s; ignored", a.eventId(), s.action());
                }
            }
            // Panache refuses to persist an empty stream; the flush also writes the updated groups.
            return phases.time("groups-write", () -> (created.isEmpty() ? Uni.createFrom().voidItem() : groups.persist(created.stream()))
                            .chain(groups::flush))
                    .chain(() -> phases.time("signals-insert", () -> signals.insertAll(records)))
                    .chain(() -> phases.time("governing", () -> governing(triggered.keySet(), governing)))
                    .chain(() -> phases.time("classify-declare", () -> Multi.createFrom().iterable(triggered.entrySet())
                            .onItem().transformToUniAndConcatenate(e -> maybeDeclare(e.getKey(), e.getValue(), governing))
                            .collect().last()))
                    .replaceWithVoid();
        });
    }

    private static AlertGroup newGroup(SignalReceived s) {
        Instant at = s.receivedAt();
        AlertGroup group = new AlertGroup();
        group.id = UUID.randomUUID();
        group.service = s.businessService();
        group.dedupKey = s.dedupKey();
        group.status = AlertGroup.Status.TRIGGERED;
        group.summary = s.summary() == null ? s.dedupKey() : s.summary();
        group.severity = s.severity() == null ? "warning" : s.severity();
        group.signalCount = 1;
        group.firstSignalAt = at;
        group.lastSignalAt = at;
        return group;
    }

    private static void trigger(AlertGroup open, SignalReceived s) {
        open.signalCount++;
        open.lastSignalAt = s.receivedAt();
        open.severity = moreSevere(open.severity, s.severity());
    }

    /** Moves the open group, if any, and answers its id; without one the signal is kept and nothing changes. */
    private static UUID transition(AlertGroup open, AlertGroup.Status status, SignalReceived s) {
        if (open == null) {
            return null;
        }
        open.status = status;
        open.signalCount++;
        open.lastSignalAt = s.receivedAt();
        if (status == AlertGroup.Status.RESOLVED) {
            open.resolvedAt = s.receivedAt();
        }
        return open.id;
    }

    private static SignalRecord record(AcceptedSignal a, UUID groupId) {
        SignalReceived s = a.signal();
        SignalRecord record = new SignalRecord();
        record.id = a.eventId();
        record.alertGroupId = groupId;
        record.service = s.businessService();
        record.integrationKeyId = s.integrationKeyId();
        record.action = s.action();
        record.dedupKey = s.dedupKey();
        record.severity = s.severity();
        record.summary = s.summary();
        record.source = s.source();
        record.payload = a.rawPayload();
        record.receivedAt = s.receivedAt();
        return record;
    }

    /**
     * Declares for the group's first trigger (in order) that the governing policy — or, without one, severity
     * and tier — makes P1 or P2; a storm of one service joins its open auto-declared incident unless worse.
     */
    private Uni<Void> maybeDeclare(AlertGroup group, List<SignalReceived> triggers,
                                   Map<String, Optional<Governing>> governing) {
        if (group.incidentId != null) {
            return Uni.createFrom().voidItem();
        }
        Optional<Governing> found = governing.get(group.service);
        if (found == null || found.isEmpty()) {
            LOG.debugf("No auto-declaration for %s: unknown service %s", group.dedupKey, group.service);
            return Uni.createFrom().voidItem();
        }
        BusinessService service = found.get().service();
        ClassificationPolicy policy = found.get().policy();
        // A storm repeats the same facts (mostly none): each distinct set is evaluated once per group.
        Map<ImpactFacts, Priority> evaluated = new HashMap<>();
        for (SignalReceived s : triggers) {
            ImpactFacts facts = Classifier.complete(facts(s), service);
            // Without a signed policy the alert's severity and the tier decide, so a critical storm still pages.
            Priority priority = evaluated.computeIfAbsent(facts, f -> policy != null
                    ? Classifier.evaluate(policy, service, f).priority()
                    : SeverityPriority.of(group.severity, service.tier)); // the group's, after this batch's triggers
            if (priority.isHighPriority()) {
                return groups.flush().chain(() -> join(group, s, service, facts, priority, policy));
            }
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> join(AlertGroup group, SignalReceived s, BusinessService service, ImpactFacts facts,
                           Priority priority, ClassificationPolicy policy) {
        return incidents.openAutoDeclared(service.name, s.receivedAt().minus(groupingWindow)).chain(open -> {
            // A storm is one incident: join the service's open auto-declared incident, unless this is worse.
            if (open != null && open.priority.compareTo(priority) <= 0) {
                LOG.infof("Alert group %s joins %s (declared %s)", group.dedupKey, open.key, open.declaredAt);
                group.incidentId = open.id;
                return Uni.createFrom().voidItem();
            }
            return declare(group, s, service, facts, policy == null ? priority : null);
        });
    }

    /**
     * Reads, in two or three queries for the whole batch, the services (and the policies governing them) of the
     * groups that may still declare; a service already read for an earlier segment is not read again.
     */
    private Uni<Void> governing(java.util.Collection<AlertGroup> triggered, Map<String, Optional<Governing>> cache) {
        List<String> names = triggered.stream().filter(g -> g.incidentId == null).map(g -> g.service).distinct()
                .filter(name -> !cache.containsKey(name)).toList();
        if (names.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return services.named(names).chain(found -> classifier.governing(names).invoke(policies -> {
            names.forEach(name -> cache.put(name, Optional.empty()));
            for (BusinessService service : found) {
                cache.put(service.name, Optional.of(new Governing(service, policies.get(service.name))));
            }
        })).replaceWithVoid();
    }

    private record Governing(BusinessService service, ClassificationPolicy policy) {
    }

    private Uni<Void> declare(AlertGroup group, SignalReceived s, BusinessService service, ImpactFacts facts,
                              Priority fromSeverity) {
        String summary = s.summary() == null ? s.dedupKey() : s.summary();
        Declaration d = new Declaration(summary.length() > 200 ? summary.substring(0, 197) + "..." : summary,
                summary + (s.source() == null ? "" : " (source: " + s.source() + ")"), service.name, facts,
                s.timestamp() != null && !s.timestamp().isAfter(s.receivedAt()) ? s.timestamp() : s.receivedAt(),
                fromSeverity, null, s.integration(), group.id, ClassificationBasis.SEVERITY, false);
        return declarations.declare(d, List.of()).invoke(incident -> group.incidentId = incident.id).replaceWithVoid();
    }

    /** Impact facts carried by the signal in {@code custom_details.impact}, if any. */
    private ImpactFacts facts(SignalReceived s) {
        Object impact = s.customDetails() == null ? null : s.customDetails().get("impact");
        if (!(impact instanceof Map<?, ?>)) {
            return ImpactFacts.NONE;
        }
        try {
            return mapper.convertValue(impact, ImpactFacts.class);
        } catch (IllegalArgumentException e) {
            LOG.warnf("Signal %s carries unreadable impact facts, using the service defaults: %s", s.dedupKey(), e.getMessage());
            return ImpactFacts.NONE;
        }
    }

    private static final List<String> ORDER = List.of("critical", "error", "warning", "info");

    private static String moreSevere(String a, String b) {
        if (b == null) {
            return a;
        }
        return ORDER.indexOf(b) >= 0 && ORDER.indexOf(b) < ORDER.indexOf(a) ? b : a;
    }
}
