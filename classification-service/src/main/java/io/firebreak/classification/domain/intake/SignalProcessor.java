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
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    public SignalProcessor(AlertGroupRepository groups, SignalRepository signals, BusinessServiceRepository services,
                           IncidentQueries incidents, IncidentDeclarations declarations, Classifier classifier,
                           ObjectMapper mapper,
                           io.firebreak.classification.config.ClassificationConfig config) {
        this.groups = groups;
        this.signals = signals;
        this.services = services;
        this.incidents = incidents;
        this.declarations = declarations;
        this.classifier = classifier;
        this.mapper = mapper;
        this.groupingWindow = config.intake().incidentGroupingWindow();
    }

    public Uni<Void> process(UUID eventId, SignalReceived s, String rawPayload) {
        return groups.open(s.businessService(), s.dedupKey()).chain(group -> switch (s.action()) {
            case "trigger" -> trigger(group, s).call(g -> record(eventId, g.id, s, rawPayload)).call(g -> maybeDeclare(g, s));
            case "acknowledge" -> transition(group, AlertGroup.Status.ACKNOWLEDGED, s).call(g -> record(eventId, g == null ? null : g.id, s, rawPayload));
            case "resolve" -> transition(group, AlertGroup.Status.RESOLVED, s).call(g -> record(eventId, g == null ? null : g.id, s, rawPayload));
            default -> Uni.createFrom().<AlertGroup>nullItem();
        }).replaceWithVoid();
    }

    private Uni<AlertGroup> trigger(AlertGroup open, SignalReceived s) {
        Instant at = s.receivedAt();
        if (open != null) {
            open.signalCount++;
            open.lastSignalAt = at;
            open.severity = moreSevere(open.severity, s.severity());
            return Uni.createFrom().item(open);
        }
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
        return groups.persist(group);
    }

    private Uni<AlertGroup> transition(AlertGroup open, AlertGroup.Status status, SignalReceived s) {
        if (open == null) {
            return Uni.createFrom().nullItem(); // nothing open: the signal is kept, nothing changes
        }
        open.status = status;
        open.signalCount++;
        open.lastSignalAt = s.receivedAt();
        if (status == AlertGroup.Status.RESOLVED) {
            open.resolvedAt = s.receivedAt();
        }
        return Uni.createFrom().item(open);
    }

    private Uni<Void> record(UUID eventId, UUID groupId, SignalReceived s, String rawPayload) {
        SignalRecord record = new SignalRecord();
        record.id = eventId;
        record.alertGroupId = groupId;
        record.service = s.businessService();
        record.integrationKeyId = s.integrationKeyId();
        record.action = s.action();
        record.dedupKey = s.dedupKey();
        record.severity = s.severity();
        record.summary = s.summary();
        record.source = s.source();
        record.payload = rawPayload;
        record.receivedAt = s.receivedAt();
        return signals.persist(record).replaceWithVoid();
    }

    private Uni<Void> maybeDeclare(AlertGroup group, SignalReceived s) {
        if (group.incidentId != null) {
            return Uni.createFrom().voidItem();
        }
        return services.findById(s.businessService()).chain(service -> {
            if (service == null) {
                LOG.debugf("No auto-declaration for %s: unknown service %s", s.dedupKey(), s.businessService());
                return Uni.createFrom().voidItem();
            }
            return classifier.governing(service).chain(policy -> {
                ImpactFacts facts = Classifier.complete(facts(s), service);
                // Without a signed policy the alert's severity and the tier decide, so a critical storm still pages.
                Priority priority = policy != null
                        ? Classifier.evaluate(policy, service, facts).priority()
                        : SeverityPriority.of(group.severity, service.tier);
                if (!priority.isHighPriority()) {
                    return Uni.createFrom().voidItem();
                }
                return incidents.openAutoDeclared(service.name, s.receivedAt().minus(groupingWindow)).chain(open -> {
                    // A storm is one incident: join the service's open auto-declared incident, unless this is worse.
                    if (open != null && open.priority.compareTo(priority) <= 0) {
                        LOG.infof("Alert group %s joins %s (declared %s)", group.dedupKey, open.key, open.declaredAt);
                        group.incidentId = open.id;
                        return Uni.createFrom().voidItem();
                    }
                    return declare(group, s, service, facts, policy == null ? priority : null);
                });
            });
        });
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
