package io.firebreak.comms.domain.executive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firebreak.comms.config.CommsConfig;
import io.firebreak.comms.domain.incidents.IncidentProjection;
import io.firebreak.comms.domain.webhooks.Webhooks;
import io.firebreak.comms.model.ExecNotification;
import io.firebreak.comms.model.Incident;
import io.firebreak.comms.persistence.ExecNotificationRepository;
import io.firebreak.comms.persistence.IncidentRepository;
import io.firebreak.events.EventTypes;
import io.firebreak.events.ExecutiveNotification;
import io.firebreak.platform.audit.AuditLog;
import io.firebreak.platform.deadline.Deadline;
import io.firebreak.platform.deadline.DeadlineHandler;
import io.firebreak.platform.deadline.Deadlines;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Executive notifications: each applicable rule (see {@link ExecutiveRules}) is a durable deadline at its firing
 * time; when it fires for an open incident a notification is required within the window. An executive message
 * rendered from the executive template and sent satisfies every outstanding one; the Communications Lead or IC
 * may delay one with a justification until a bounded time; a window that passes without either is overdue.
 * Every decision is appended to the audit chain {@value #CHAIN} and published.
 */
@ApplicationScoped
public class ExecutiveNotifications {

    public static final String CHAIN = "exec-decisions";
    public static final String RULE_DEADLINE = "comms.exec-rule";
    public static final String DUE_DEADLINE = "comms.exec-due";

    private final ExecNotificationRepository notifications;
    private final IncidentRepository incidents;
    private final IncidentProjection projection;
    private final Deadlines deadlines;
    private final Webhooks webhooks;
    private final AuditLog audit;
    private final ObjectMapper mapper;
    private final CommsConfig config;
    private final Clock clock;

    public ExecutiveNotifications(ExecNotificationRepository notifications, IncidentRepository incidents, IncidentProjection projection,
                                  Deadlines deadlines, Webhooks webhooks, AuditLog audit, ObjectMapper mapper, CommsConfig config, Clock clock) {
        this.notifications = notifications;
        this.incidents = incidents;
        this.projection = projection;
        this.deadlines = deadlines;
        this.webhooks = webhooks;
        this.audit = audit;
        this.mapper = mapper;
        this.config = config;
        this.clock = clock;
    }

    public ExecutiveRules.Thresholds thresholds() {
        CommsConfig.Executive e = config.executive();
        return new ExecutiveRules.Thresholds(Map.of("P1", e.p1OpenFor(), "P2", e.p2OpenFor()), e.revenueLoss(), e.window(), e.maxDelay());
    }

    static ExecutiveRules.Facts facts(Incident i) {
        return new ExecutiveRules.Facts(i.priority.name(), i.detectedAt, i.declaredAt, i.revenueLossPerHour, i.dataExposure,
                i.regulatoryExposure, i.regulatedService);
    }

    /**
     * Schedules (or moves) the firing of every rule that applies to the incident now and has not fired yet; inside
     * the caller's transaction (the projection's, when classification's facts change).
     */
    public Uni<Void> evaluate(UUID incidentId) {
        return incidents.findById(incidentId).chain(incident -> {
            if (incident == null || !incident.open()) {
                return Uni.createFrom().voidItem();
            }
            // No look for notifications already required: a rule that fired before finds its notification when its
            // (re)scheduled deadline fires and does nothing — one upsert per rule keeps the consumer's path short.
            Uni<Void> all = Uni.createFrom().voidItem();
            for (ExecutiveRules.Firing f : ExecutiveRules.firings(facts(incident), thresholds())) {
                all = all.call(() -> deadlines.schedule(RULE_DEADLINE, incidentId + "/" + f.rule(), f.firesAt(), null));
            }
            return all;
        });
    }

    /**
     * A rule's time came (inside the deadline's transaction): a notification is required, if the rule still applies.
     * {@code now} is the deadline's due time, so a firing delayed by downtime keeps its window.
     */
    Uni<Void> ruleDue(UUID incidentId, String rule, Instant now) {
        return incidents.findById(incidentId).chain(incident -> {
            if (incident == null || !incident.open()) {
                return Uni.createFrom().voidItem();
            }
            ExecutiveRules.Firing f = ExecutiveRules.firing(facts(incident), thresholds(), rule);
            if (f == null) {
                return Uni.createFrom().voidItem();
            }
            if (f.firesAt().isAfter(now)) {
                return deadlines.schedule(RULE_DEADLINE, incidentId + "/" + rule, f.firesAt(), null);
            }
            return notifications.of(incidentId, rule).chain(existing -> {
                if (existing != null) {
                    return Uni.createFrom().voidItem();
                }
                ExecNotification n = new ExecNotification();
                n.id = UUID.randomUUID();
                n.incidentId = incidentId;
                n.rule = rule;
                n.reason = f.reason();
                n.firedAt = f.firesAt().truncatedTo(ChronoUnit.MICROS);
                n.windowDueAt = n.firedAt.plus(thresholds().window());
                n.dueAt = n.windowDueAt;
                n.state = ExecNotification.State.PENDING;
                return notifications.persist(n)
                        .call(() -> deadlines.schedule(DUE_DEADLINE, n.id.toString(), n.dueAt, null))
                        .call(() -> decided(incident, n, EventTypes.EXEC_NOTIFICATION_REQUIRED, "system", now)).replaceWithVoid();
            });
        });
    }

    /** The window (or the justified delay) passed (inside the deadline's transaction): overdue unless notified meanwhile. */
    Uni<Void> due(UUID notificationId, Instant now) {
        return notifications.findById(notificationId).chain(n -> {
            if (n == null || n.state == ExecNotification.State.NOTIFIED || n.state == ExecNotification.State.OVERDUE || n.dueAt.isAfter(now)) {
                return Uni.createFrom().voidItem();
            }
            return incidents.findById(n.incidentId).chain(incident -> {
                n.state = ExecNotification.State.OVERDUE;
                n.overdueAt = now;
                return decided(incident, n, EventTypes.EXEC_NOTIFICATION_OVERDUE, "system", now);
            });
        });
    }

    /**
     * An executive message from the executive template was sent: every outstanding notification of the incident is
     * satisfied (late when after its window). Inside the sender's transaction.
     */
    public Uni<Integer> notified(Incident incident, UUID messageId, String sentBy, Instant at) {
        return notifications.ofIncident(incident.incidentId).chain(list -> {
            List<ExecNotification> outstanding = list.stream().filter(n -> n.state != ExecNotification.State.NOTIFIED).toList();
            Uni<Void> all = Uni.createFrom().voidItem();
            for (ExecNotification n : outstanding) {
                n.state = ExecNotification.State.NOTIFIED;
                n.notifiedAt = at;
                n.messageId = messageId;
                all = all.call(() -> deadlines.cancel(DUE_DEADLINE, n.id.toString()))
                        .call(() -> decided(incident, n, EventTypes.EXEC_NOTIFICATION_SENT, sentBy, at));
            }
            return all.replaceWith(outstanding.size());
        });
    }

    /** The Communications Lead or IC postpones a notification, saying why and until when. */
    @WithTransaction
    public Uni<ExecNotification> delay(Actor actor, UUID incidentId, UUID notificationId, String justification, Instant until) {
        Instant now = now();
        return incidents.locked(incidentId).chain(incident -> {
            if (incident == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Incident", incidentId));
            }
            return projection.requireHolder(actor, incident, "Delaying an executive notification", IncidentProjection.COMMS_LEAD,
                    IncidentProjection.INCIDENT_COMMANDER).chain(() -> notifications.findById(notificationId)).chain(n -> {
                        if (n == null || !n.incidentId.equals(incidentId)) {
                            return Uni.createFrom().failure(ProblemException.notFound("Executive notification", notificationId));
                        }
                        if (n.state == ExecNotification.State.NOTIFIED || n.state == ExecNotification.State.OVERDUE) {
                            return Uni.createFrom().failure(ProblemException.conflict("This notification is " + n.state.name().toLowerCase()
                                    + "; only a pending or delayed one can be delayed"));
                        }
                        String refusal = ExecutiveRules.delayRefusal(now, until, thresholds().maxDelay(), n.firedAt);
                        if (refusal != null) {
                            return Uni.createFrom().failure(ProblemException.invalid(List.of(new Violation("until", refusal))));
                        }
                        n.state = ExecNotification.State.DELAYED;
                        n.delayedBy = actor.user();
                        n.justification = justification.strip();
                        n.delayedUntil = until.truncatedTo(ChronoUnit.MICROS);
                        n.dueAt = n.delayedUntil;
                        return deadlines.schedule(DUE_DEADLINE, n.id.toString(), n.dueAt, null)
                                .call(() -> decided(incident, n, EventTypes.EXEC_NOTIFICATION_DELAYED, actor.user(), now)).replaceWith(n);
                    });
        });
    }

    @WithSession
    public Uni<List<ExecNotification>> ofIncident(UUID incidentId) {
        return incidents.findById(incidentId).chain(i -> i == null ? Uni.createFrom().failure(ProblemException.notFound("Incident", incidentId))
                : notifications.ofIncident(incidentId));
    }

    @WithSession
    public Uni<List<ExecNotification>> report(ExecNotification.State state, int limit) {
        return notifications.inState(state, limit);
    }

    /** Audits the decision on the exec-decisions chain and publishes it (subscribed webhooks included). */
    private Uni<Void> decided(Incident incident, ExecNotification n, String type, String by, Instant at) {
        ObjectNode content = mapper.createObjectNode().put("incidentId", incident.incidentId.toString()).put("incidentKey", incident.incidentKey)
                .put("notificationId", n.id.toString()).put("decision", type.replace("io.firebreak.exec_notification.", "").replace(".v1", ""))
                .put("rule", n.rule).put("reason", n.reason).put("by", by).put("at", at.toString()).put("dueAt", n.dueAt.toString());
        if (n.justification != null) {
            content.put("justification", n.justification).put("delayedUntil", n.delayedUntil.toString());
        }
        if (n.messageId != null) {
            content.put("messageId", n.messageId.toString());
        }
        Boolean late = n.notifiedAt == null ? null : n.notifiedAt.isAfter(n.windowDueAt);
        return audit.append(CHAIN, content).chain(() -> webhooks.publish(type, incident.incidentId, new ExecutiveNotification(incident.incidentId,
                incident.incidentKey, n.id, n.rule, n.reason, n.firedAt, n.dueAt, n.state.name(), n.messageId, n.notifiedAt, late, n.delayedBy,
                n.justification, n.delayedUntil, at, incident.drill))).replaceWithVoid();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** A rule's firing time came (subject: incident id / rule). */
    @ApplicationScoped
    public static class RuleDue implements DeadlineHandler {

        private final ExecutiveNotifications executive;

        public RuleDue(ExecutiveNotifications executive) {
            this.executive = executive;
        }

        @Override
        public String kind() {
            return RULE_DEADLINE;
        }

        @Override
        public Uni<Void> fire(Deadline deadline) {
            String[] parts = deadline.subject().split("/");
            return executive.ruleDue(UUID.fromString(parts[0]), parts[1], deadline.dueAt());
        }
    }

    /** A notification's window or delay ended (subject: notification id). */
    @ApplicationScoped
    public static class NotificationDue implements DeadlineHandler {

        private final ExecutiveNotifications executive;

        public NotificationDue(ExecutiveNotifications executive) {
            this.executive = executive;
        }

        @Override
        public String kind() {
            return DUE_DEADLINE;
        }

        @Override
        public Uni<Void> fire(Deadline deadline) {
            return executive.due(UUID.fromString(deadline.subject()), deadline.dueAt());
        }
    }

}
