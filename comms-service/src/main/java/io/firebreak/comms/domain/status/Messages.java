package io.firebreak.comms.domain.status;

import io.firebreak.comms.domain.executive.ExecutiveNotifications;
import io.firebreak.comms.domain.external.ExternalLog;
import io.firebreak.comms.domain.external.ExternalLogRules;
import io.firebreak.comms.domain.incidents.IncidentProjection;
import io.firebreak.comms.domain.language.Composer;
import io.firebreak.comms.domain.stakeholders.Stakeholders;
import io.firebreak.comms.domain.webhooks.Webhooks;
import io.firebreak.comms.model.Audience;
import io.firebreak.comms.model.ExternalKind;
import io.firebreak.comms.model.Incident;
import io.firebreak.comms.model.MessageState;
import io.firebreak.comms.model.Scenario;
import io.firebreak.comms.model.StakeholderMessage;
import io.firebreak.comms.model.StatusVersion;
import io.firebreak.comms.persistence.IncidentRepository;
import io.firebreak.comms.persistence.LanguageRepository;
import io.firebreak.comms.persistence.StatusRepository;
import io.firebreak.events.EventTypes;
import io.firebreak.events.StakeholderMessageSent;
import io.firebreak.platform.delivery.DeliveryRecord;
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
import java.util.UUID;

/**
 * Messages to stakeholders, each drafted on one status version: a draft or a sending on a superseded version
 * is refused (409), so no two audiences hear different stories. A message is rendered from the newest
 * approved template of its audience and scenario; internal audiences may also write freely, customers never:
 * free text in a customer message waits for another approver's recorded override. Sending delivers to every
 * receiving stakeholder group and, for customers, writes the external-communications log; an executive message from
 * the executive template satisfies the incident's outstanding executive notifications.
 */
@ApplicationScoped
public class Messages {

    private final IncidentRepository incidents;
    private final StatusRepository statuses;
    private final IncidentProjection projection;
    private final Composer composer;
    private final LanguageRepository language;
    private final Stakeholders stakeholders;
    private final ExternalLog externalLog;
    private final Webhooks webhooks;
    private final ExecutiveNotifications executive;
    private final Clock clock;

    public Messages(IncidentRepository incidents, StatusRepository statuses, IncidentProjection projection, Composer composer,
                    LanguageRepository language, Stakeholders stakeholders, ExternalLog externalLog, Webhooks webhooks,
                    ExecutiveNotifications executive, Clock clock) {
        this.incidents = incidents;
        this.statuses = statuses;
        this.projection = projection;
        this.composer = composer;
        this.language = language;
        this.stakeholders = stakeholders;
        this.externalLog = externalLog;
        this.webhooks = webhooks;
        this.executive = executive;
        this.clock = clock;
    }

    /** With a scenario the approved template renders it ({@code freeText} fills its {freeText}); without, {@code body} is the text. */
    public record Draft(int statusVersion, Audience audience, Scenario scenario, String subject, String body, String freeText) {
    }

    /** What a draft would say, without saving it. */
    public record Preview(String subject, String body, Integer templateVersion, boolean needsOverride) {
    }

    @WithSession
    public Uni<List<StakeholderMessage>> of(UUID incidentId) {
        return incidents.findById(incidentId).chain(i -> i == null ? Uni.createFrom().failure(ProblemException.notFound("Incident", incidentId))
                : statuses.messages(incidentId));
    }

    @WithSession
    public Uni<Preview> preview(UUID incidentId, Draft draft) {
        return incidents.findById(incidentId).chain(incident -> {
            if (incident == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Incident", incidentId));
            }
            return onCurrent(incident, draft.statusVersion()).chain(current -> render(incident, current, draft))
                    .map(m -> new Preview(m.message().subject, m.message().body, m.templateVersion(), m.message().state == MessageState.AWAITING_OVERRIDE));
        });
    }

    @WithTransaction
    public Uni<StakeholderMessage> draft(Actor actor, UUID incidentId, Draft draft) {
        // The incident's lock orders this draft against a publication: the version checked is still current at commit.
        return incidents.locked(incidentId).chain(incident -> {
            if (incident == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Incident", incidentId));
            }
            return projection.requireHolder(actor, incident, "Drafting messages", IncidentProjection.COMMS_LEAD, IncidentProjection.INCIDENT_COMMANDER)
                    .chain(() -> onCurrent(incident, draft.statusVersion()))
                    .chain(current -> render(incident, current, draft))
                    .chain(rendered -> {
                        StakeholderMessage m = rendered.message();
                        m.draftedBy = actor.user();
                        return statuses.persistMessage(m);
                    });
        });
    }

    /** An approver lets a customer message's free text go out; recorded with their reason. Not the drafter. */
    @WithTransaction
    public Uni<StakeholderMessage> override(Actor actor, UUID incidentId, UUID messageId, String reason) {
        return message(incidentId, messageId).chain(m -> {
            if (m.state != MessageState.AWAITING_OVERRIDE) {
                return Uni.createFrom().failure(ProblemException.conflict("Message " + messageId + " is " + m.state
                        + "; only a customer message with free text awaits an override"));
            }
            if (m.draftedBy.equals(actor.user())) {
                return Uni.createFrom().failure(ProblemException.forbidden("The drafter of a message cannot override for it; another approver must"));
            }
            m.overrideBy = actor.user();
            m.overrideReason = reason.strip();
            m.overrideAt = now();
            m.state = MessageState.READY;
            return Uni.createFrom().item(m);
        });
    }

    /** Who heard a sent message. */
    public record Sent(StakeholderMessage message, Stakeholders.Delivered delivered, Long logSequence, int executiveNotifications) {
    }

    @WithTransaction
    public Uni<Sent> send(Actor actor, UUID incidentId, UUID messageId) {
        return incidents.locked(incidentId).chain(incident -> {
            if (incident == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Incident", incidentId));
            }
            return projection.requireHolder(actor, incident, "Sending messages", IncidentProjection.COMMS_LEAD, IncidentProjection.INCIDENT_COMMANDER)
                    .chain(() -> message(incidentId, messageId)).chain(m -> {
                        if (m.state == MessageState.SENT) {
                            return Uni.createFrom().failure(ProblemException.conflict("Message " + messageId + " was sent at " + m.sentAt
                                    + "; a message is sent once"));
                        }
                        if (m.state == MessageState.AWAITING_OVERRIDE) {
                            return Uni.createFrom().failure(ProblemException.conflict("Message " + messageId
                                    + " carries free text for customers and needs an approver's override first"));
                        }
                        return onCurrent(incident, m.statusVersion).chain(current -> deliver(actor, incident, current, m));
                    });
        });
    }

    private Uni<Sent> deliver(Actor actor, Incident incident, StatusVersion current, StakeholderMessage m) {
        Instant now = now();
        m.state = MessageState.SENT;
        m.sentBy = actor.user();
        m.sentAt = now;
        return stakeholders.deliver(incident, m).chain(delivered -> templateVersion(m).chain(templateVersion -> webhooks.publish(
                        EventTypes.MESSAGE_SENT, incident.incidentId, new StakeholderMessageSent(incident.incidentId, incident.incidentKey,
                                m.id, m.audience.name(), m.scenario == null ? null : m.scenario.name(), m.statusVersion, templateVersion,
                                delivered.groups(), delivered.deliveries(), m.draftedBy, m.draftedAt, m.overrideBy, m.sentBy, now, incident.drill)))
                .chain(() -> m.audience != Audience.CUSTOMER ? Uni.createFrom().<Long>nullItem() : logged(incident, current, m, delivered, now))
                .chain(seq -> executiveTemplate(m) && !delivered.groups().isEmpty()
                        ? executive.notified(incident, m.id, m.sentBy, now).map(n -> new Sent(m, delivered, seq, n))
                        : Uni.createFrom().item(new Sent(m, delivered, seq, 0))));
    }

    /**
     * Executive notifications are sent through the executive template, to someone: a free executive message, or one
     * that reached no stakeholder group, does not satisfy them.
     */
    private static boolean executiveTemplate(StakeholderMessage m) {
        return m.audience == Audience.EXECUTIVE && m.templateId != null;
    }

    /** A customer message left the organisation: the external log records it with the template's approvers and any override. */
    private Uni<Long> logged(Incident incident, StatusVersion current, StakeholderMessage m, Stakeholders.Delivered delivered, Instant now) {
        return language.template(m.templateId, false).chain(template -> language.approvals(List.of(m.templateId)).chain(approvals -> {
            List<String> approvers = new ArrayList<>(approvals.stream().map(a -> a.approver).toList());
            if (m.overrideBy != null) {
                approvers.add(m.overrideBy);
            }
            Instant approvedAt = m.overrideAt != null ? m.overrideAt : template.decidedAt;
            String channel = delivered.groups().isEmpty() ? "none (no receiving group)" : "stakeholder groups: " + String.join(", ", delivered.groups());
            return externalLog.write(incident, current, new ExternalLogRules.Entry(ExternalKind.CUSTOMER_ALERT, "customers", channel,
                    m.subject + "\n\n" + m.body, current.version, approvers, m.draftedAt, approvedAt, now), m.sentBy, now).map(r -> r.sequence());
        }));
    }

    private Uni<Integer> templateVersion(StakeholderMessage m) {
        return m.templateId == null ? Uni.createFrom().nullItem() : language.template(m.templateId, false).map(t -> t.version);
    }

    @WithSession
    public Uni<List<DeliveryRecord>> deliveries(UUID incidentId, UUID messageId) {
        return message(incidentId, messageId).chain(m -> stakeholders.deliveries(m.id));
    }

    private Uni<StakeholderMessage> message(UUID incidentId, UUID messageId) {
        return statuses.message(messageId).chain(m -> m == null || !m.incidentId.equals(incidentId)
                ? Uni.createFrom().failure(ProblemException.notFound("Message", messageId)) : Uni.createFrom().item(m));
    }

    /** The incident's current status version, when it is {@code version}; 409 otherwise. */
    private Uni<StatusVersion> onCurrent(Incident incident, int version) {
        return statuses.current(incident.incidentId).chain(current -> {
            if (current == null) {
                return Uni.createFrom().failure(ProblemException.conflict(incident.incidentKey
                        + " has no published status yet; every message derives from one"));
            }
            if (version != current.version) {
                return Uni.createFrom().failure(version < 1 || version > current.version
                        ? ProblemException.conflict("Status version " + version + " of " + incident.incidentKey
                                + " does not exist; the current one is v" + current.version)
                        : ProblemException.conflict("Status v" + version + " of " + incident.incidentKey
                                + " is superseded by v" + current.version + "; draft on the current version"));
            }
            return Uni.createFrom().item(current);
        });
    }

    private record Rendered(StakeholderMessage message, Integer templateVersion) {
    }

    private Uni<Rendered> render(Incident incident, StatusVersion current, Draft draft) {
        StakeholderMessage m = new StakeholderMessage();
        m.id = UUID.randomUUID();
        m.incidentId = incident.incidentId;
        m.statusVersion = current.version;
        m.audience = draft.audience();
        m.draftedAt = now();
        m.freeText = draft.freeText();
        if (draft.scenario() == null) {
            if (draft.audience() == Audience.CUSTOMER) {
                return Uni.createFrom().failure(ProblemException.invalid(List.of(new Violation("scenario",
                        "is required for customers: customer messages are assembled from an approved template and snippets"))));
            }
            if (draft.body() == null || draft.freeText() != null) {
                return Uni.createFrom().failure(ProblemException.invalid(List.of(new Violation(draft.body() == null ? "body" : "freeText",
                        draft.body() == null ? "is required without a scenario (or name a scenario to use its approved template)"
                                : "goes into a template; without a scenario write the body"))));
            }
            m.subject = draft.subject() != null ? draft.subject().strip()
                    : (incident.drill ? "[DRILL] " : "") + "[" + incident.priority + "] " + incident.incidentKey + " — " + current.state.name().toLowerCase();
            m.body = draft.body().strip();
            m.state = MessageState.READY;
            return Uni.createFrom().item(new Rendered(m, null));
        }
        if (draft.subject() != null || draft.body() != null) {
            return Uni.createFrom().failure(ProblemException.invalid(List.of(new Violation(draft.body() != null ? "body" : "subject",
                    "comes from the approved template of the scenario; put your own words in freeText"))));
        }
        return composer.compose(incident, current, draft.audience(), draft.scenario(), draft.freeText()).map(c -> {
            m.scenario = draft.scenario();
            m.templateId = c.template().id;
            m.subject = (incident.drill ? "[DRILL] " : "") + c.subject();
            m.body = c.body();
            m.state = draft.audience() == Audience.CUSTOMER && draft.freeText() != null ? MessageState.AWAITING_OVERRIDE : MessageState.READY;
            return new Rendered(m, c.template().version);
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
