package io.firebreak.comms.domain.engagement;

import io.firebreak.comms.config.CommsConfig;
import io.firebreak.comms.domain.incidents.IncidentProjection;
import io.firebreak.comms.domain.webhooks.Webhooks;
import io.firebreak.comms.model.Engagement;
import io.firebreak.comms.model.Incident;
import io.firebreak.comms.model.RegulatoryClock;
import io.firebreak.comms.persistence.EngagementRepository;
import io.firebreak.comms.persistence.IncidentRepository;
import io.firebreak.events.EngagementStarted;
import io.firebreak.events.EventTypes;
import io.firebreak.platform.deadline.Deadline;
import io.firebreak.platform.deadline.DeadlineHandler;
import io.firebreak.platform.deadline.Deadlines;
import io.firebreak.platform.delivery.OutboundDeliveries;
import io.firebreak.platform.delivery.OutboundMessage;
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
import java.util.UUID;

/**
 * Legal, compliance and PR engagement and regulators' clocks (see {@link EngagementRules}): evaluated whenever
 * classification's facts or the media-attention flag change, and when a customer-facing P1 reaches its PR time.
 * An engagement is recorded once per function, its addresses are told by e-mail, and {@code engagement.started}
 * is published; a clock runs from awareness until a regulator notice is logged, else {@code regulatory_clock.overdue}.
 */
@ApplicationScoped
public class Engagements {

    public static final String PURPOSE = "engagement";
    public static final String CHECK_DEADLINE = "comms.engagement-check";
    public static final String CLOCK_DEADLINE = "comms.regulatory-clock";

    private final EngagementRepository repository;
    private final IncidentRepository incidents;
    private final IncidentProjection projection;
    private final Deadlines deadlines;
    private final OutboundDeliveries deliveries;
    private final Webhooks webhooks;
    private final CommsConfig config;
    private final Clock clock;

    public Engagements(EngagementRepository repository, IncidentRepository incidents, IncidentProjection projection, Deadlines deadlines,
                       OutboundDeliveries deliveries, Webhooks webhooks, CommsConfig config, Clock clock) {
        this.repository = repository;
        this.incidents = incidents;
        this.projection = projection;
        this.deadlines = deadlines;
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.config = config;
        this.clock = clock;
    }

    static EngagementRules.Facts facts(Incident i) {
        return new EngagementRules.Facts(i.priority.name(), i.declaredAt, i.customerFacing, i.dataExposure, i.regulatoryExposure,
                i.regulatedService, i.securityBreach, i.availability, i.mediaAttention);
    }

    List<EngagementRules.Regulation> regulations() {
        List<EngagementRules.Regulation> out = new ArrayList<>();
        config.regulations().forEach((name, r) -> out.add(new EngagementRules.Regulation(name, r.window(), r.trigger(), r.authority())));
        out.sort(java.util.Comparator.comparing(EngagementRules.Regulation::name));
        return out;
    }

    /** Engages what the incident's facts call for and starts the clocks they trigger, aware at {@code at}; in the caller's transaction. */
    public Uni<Void> evaluate(UUID incidentId, Instant at) {
        return incidents.findById(incidentId).chain(incident -> {
            if (incident == null || !incident.open()) {
                return Uni.createFrom().voidItem();
            }
            EngagementRules.Facts facts = facts(incident);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Instant prAt = EngagementRules.prCheckAt(facts, config.engagement().customerFacingP1OpenFor());
            Instant evaluatedAt = at.isAfter(now) ? at : now;
            Uni<Void> prCheck = prAt != null && prAt.isAfter(evaluatedAt)
                    ? deadlines.schedule(CHECK_DEADLINE, incidentId.toString(), prAt, null) : Uni.createFrom().voidItem();
            Map<String, List<String>> met = EngagementRules.met(facts, config.engagement().customerFacingP1OpenFor(), evaluatedAt);
            List<EngagementRules.Regulation> triggered = EngagementRules.clocks(facts, regulations());
            if (met.isEmpty() && triggered.isEmpty()) {
                return prCheck; // most incidents engage nobody: no reads on the consumer's path
            }
            return prCheck.chain(() -> repository.engagements(incidentId)).chain(existing -> {
                Uni<Void> all = Uni.createFrom().voidItem();
                for (Map.Entry<String, List<String>> e : met.entrySet()) {
                    if (existing.stream().noneMatch(x -> x.function.equals(e.getKey()))) {
                        all = all.call(() -> engage(incident, e.getKey(), e.getValue(), now));
                    }
                }
                return all;
            }).chain(() -> repository.clocks(incidentId)).chain(clocks -> {
                Uni<Void> all = Uni.createFrom().voidItem();
                for (EngagementRules.Regulation r : triggered) {
                    if (clocks.stream().noneMatch(c -> c.regulation.equals(r.name()))) {
                        all = all.call(() -> start(incident, r, at.truncatedTo(ChronoUnit.MICROS), now));
                    }
                }
                return all;
            });
        });
    }

    private Uni<Void> engage(Incident incident, String function, List<String> criteria, Instant now) {
        List<String> addresses = switch (function) {
            case EngagementRules.LEGAL -> config.engagement().legal().orElse(List.of());
            case EngagementRules.COMPLIANCE -> config.engagement().compliance().orElse(List.of());
            default -> config.engagement().pr().orElse(List.of());
        };
        Engagement e = new Engagement();
        e.id = UUID.randomUUID();
        e.incidentId = incident.incidentId;
        e.function = function;
        e.criteria = criteria;
        e.notified = addresses;
        e.startedAt = now;
        String subject = (incident.drill ? "[DRILL] " : "") + function.charAt(0) + function.substring(1).toLowerCase() + " engaged: "
                + incident.incidentKey + " " + incident.title;
        String text = incident.incidentKey + " (" + incident.priority + ", " + incident.businessService + ") needs " + function.toLowerCase()
                + " because: " + String.join("; ", criteria) + ".\nOnly approved messages leave through Firebreak; speak to the"
                + " Communications Lead before any public statement.";
        Uni<Void> queued = Uni.createFrom().voidItem();
        for (String to : addresses) {
            queued = queued.call(() -> deliveries.enqueue(PURPOSE, "engagement:" + e.id + "/" + to, null, OutboundMessage.mail(to, subject, text, null), null));
        }
        Uni<Void> mails = queued;
        return repository.persist(e).call(() -> mails).call(() -> webhooks.publish(EventTypes.ENGAGEMENT_STARTED, incident.incidentId,
                new EngagementStarted(incident.incidentId, incident.incidentKey, e.id, function, criteria, addresses, now, incident.drill)))
                .replaceWithVoid();
    }

    private Uni<Void> start(Incident incident, EngagementRules.Regulation r, Instant awareAt, Instant now) {
        RegulatoryClock c = new RegulatoryClock();
        c.id = UUID.randomUUID();
        c.incidentId = incident.incidentId;
        c.regulation = r.name();
        c.authority = r.authority();
        c.awareAt = awareAt;
        c.dueAt = awareAt.plus(r.window());
        c.state = RegulatoryClock.State.RUNNING;
        return repository.persist(c).call(() -> deadlines.schedule(CLOCK_DEADLINE, c.id.toString(), c.dueAt, null))
                .call(() -> publish(EventTypes.REGULATORY_CLOCK_STARTED, incident, c, now)).replaceWithVoid();
    }

    private Uni<UUID> publish(String type, Incident incident, RegulatoryClock c, Instant at) {
        return webhooks.publish(type, incident.incidentId, new io.firebreak.events.RegulatoryClock(incident.incidentId, incident.incidentKey,
                c.id, c.regulation, c.authority, c.awareAt, c.dueAt, c.state.name(), at, incident.drill));
    }

    /** A regulator notice was logged (in the external log's transaction): every running clock of the incident is met. */
    public Uni<Void> regulatorNotified(UUID incidentId, long logSequence, Instant at) {
        return repository.clocks(incidentId).invoke(clocks -> clocks.stream().filter(c -> c.state == RegulatoryClock.State.RUNNING).forEach(c -> {
            c.state = RegulatoryClock.State.MET;
            c.metAt = at;
            c.logSequence = logSequence;
        })).call(clocks -> {
            Uni<Void> cancel = Uni.createFrom().voidItem();
            for (RegulatoryClock c : clocks) {
                if (c.logSequence != null && c.logSequence == logSequence) {
                    cancel = cancel.call(() -> deadlines.cancel(CLOCK_DEADLINE, c.id.toString()));
                }
            }
            return cancel;
        }).replaceWithVoid();
    }

    /** A clock's window ended (inside the deadline's transaction): overdue unless a notice was logged. */
    Uni<Void> clockDue(UUID clockId, Instant at) {
        return repository.clock(clockId).chain(c -> {
            if (c == null || c.state != RegulatoryClock.State.RUNNING) {
                return Uni.createFrom().voidItem();
            }
            c.state = RegulatoryClock.State.OVERDUE;
            c.overdueAt = at;
            return incidents.findById(c.incidentId).chain(incident -> publish(EventTypes.REGULATORY_CLOCK_OVERDUE, incident, c, at)).replaceWithVoid();
        });
    }

    /** The Communications Lead or IC says the press or social media picked the incident up (or no longer): PR is engaged. */
    @WithTransaction
    public Uni<Incident> mediaAttention(Actor actor, UUID incidentId, boolean attention, String note) {
        List<Violation> violations = new ArrayList<>();
        FreeText.check(violations, "note", note, attention, 2000);
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(violations));
        }
        return incidents.locked(incidentId).chain(incident -> {
            if (incident == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Incident", incidentId));
            }
            return projection.requireHolder(actor, incident, "Flagging media attention", IncidentProjection.COMMS_LEAD,
                    IncidentProjection.INCIDENT_COMMANDER).chain(() -> {
                incident.mediaAttention = attention;
                incident.mediaNote = note == null ? null : note.strip();
                return evaluate(incidentId, clock.instant()).replaceWith(incident);
            });
        });
    }

    public record Overview(List<Engagement> engagements, List<RegulatoryClock> clocks) {
    }

    @WithSession
    public Uni<Overview> of(UUID incidentId) {
        return incidents.findById(incidentId).chain(i -> i == null ? Uni.createFrom().failure(ProblemException.notFound("Incident", incidentId))
                : repository.engagements(incidentId).chain(e -> repository.clocks(incidentId).map(c -> new Overview(e, c))));
    }

    /** A customer-facing P1 reached its PR time (subject: incident id). */
    @ApplicationScoped
    public static class CheckDue implements DeadlineHandler {

        private final Engagements engagements;

        public CheckDue(Engagements engagements) {
            this.engagements = engagements;
        }

        @Override
        public String kind() {
            return CHECK_DEADLINE;
        }

        @Override
        public Uni<Void> fire(Deadline deadline) {
            return engagements.evaluate(UUID.fromString(deadline.subject()), deadline.dueAt());
        }
    }

    /** A regulator's window ended (subject: clock id). */
    @ApplicationScoped
    public static class ClockDue implements DeadlineHandler {

        private final Engagements engagements;

        public ClockDue(Engagements engagements) {
            this.engagements = engagements;
        }

        @Override
        public String kind() {
            return CLOCK_DEADLINE;
        }

        @Override
        public Uni<Void> fire(Deadline deadline) {
            return engagements.clockDue(UUID.fromString(deadline.subject()), deadline.dueAt());
        }
    }
}
