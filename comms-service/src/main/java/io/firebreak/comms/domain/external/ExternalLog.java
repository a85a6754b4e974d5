package io.firebreak.comms.domain.external;

import io.firebreak.comms.domain.engagement.Engagements;
import io.firebreak.comms.domain.statuspage.StatusPage;
import io.firebreak.comms.model.ExternalKind;
import io.firebreak.comms.model.Incident;
import io.firebreak.comms.model.StatusPageUpdate;
import io.firebreak.comms.model.StatusVersion;
import io.firebreak.comms.persistence.StatusPageRepository;
import io.firebreak.platform.access.IncidentAccess;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firebreak.comms.domain.incidents.IncidentProjection;
import io.firebreak.comms.domain.webhooks.Webhooks;
import io.firebreak.comms.persistence.IncidentRepository;
import io.firebreak.comms.persistence.StatusRepository;
import io.firebreak.events.EventTypes;
import io.firebreak.events.ExternalCommunicationSent;
import io.firebreak.platform.audit.AuditAnchor;
import io.firebreak.platform.audit.AuditChain;
import io.firebreak.platform.audit.AuditLog;
import io.firebreak.platform.audit.AuditRecord;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.security.Actor;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The external-communications log: every communication that left the organisation, with audience, channel,
 * final text, author, approvers and its drafted / approved / sent times — one record of the platform's
 * audit chain {@value #CHAIN} each (append-only, MAC-linked with a key outside the database), so an auditor
 * can prove the log untouched. Recorded by the incident's Communications Lead, on the current status
 * version (409 on a superseded one), and published as {@code external_comms.sent}.
 */
@ApplicationScoped
public class ExternalLog {

    public static final String CHAIN = "external-comms";
    private static final int PAGE = 500;

    private final AuditLog audit;
    private final Engagements engagements;
    private final IncidentRepository incidents;
    private final StatusRepository statuses;
    private final IncidentProjection projection;
    private final Webhooks webhooks;
    private final IncidentAccess access;
    private final StatusPageRepository page;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ExternalLog(AuditLog audit, IncidentRepository incidents, StatusRepository statuses, IncidentProjection projection,
                       Webhooks webhooks, ObjectMapper mapper, Clock clock, IncidentAccess access,
                       StatusPageRepository page, Engagements engagements) {
        this.engagements = engagements;
        this.access = access;
        this.page = page;
        this.audit = audit;
        this.incidents = incidents;
        this.statuses = statuses;
        this.projection = projection;
        this.webhooks = webhooks;
        this.mapper = mapper;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<AuditRecord> record(Actor actor, UUID incidentId, ExternalLogRules.Entry entry) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return incidents.locked(incidentId).chain(incident -> {
            if (incident == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Incident", incidentId));
            }
            return projection.requireHolder(actor, incident, "Recording external communications", IncidentProjection.COMMS_LEAD)
                    .chain(() -> {
                var violations = ExternalLogRules.check(entry, actor.user(), now);
                if (!violations.isEmpty()) {
                    return Uni.createFrom().failure(ProblemException.invalid(violations));
                }
                return statuses.current(incidentId).chain(current -> {
                    if (current == null || current.version != entry.statusVersion()) {
                        return Uni.createFrom().failure(ProblemException.conflict(current == null
                                ? incident.incidentKey + " has no published status; every communication derives from one"
                                : "Status v" + entry.statusVersion() + " of " + incident.incidentKey + " is not current (v" + current.version + ")"));
                    }
                    return write(incident, current, entry, actor.user(), now);
                });
            });
        });
    }

    /**
     * Appends one communication to the log and publishes it, inside the caller's transaction; the caller has
     * checked the author's right and that {@code current} is the incident's current status version.
     */
    public Uni<AuditRecord> write(Incident incident, StatusVersion current, ExternalLogRules.Entry entry, String author, Instant now) {
        UUID incidentId = incident.incidentId;
        Instant sent = entry.sentAt() == null ? now : entry.sentAt();
        List<String> approvers = entry.approvers() == null ? List.of() : entry.approvers().stream().map(String::strip).distinct().toList();
        ObjectNode content = mapper.createObjectNode();
        content.put("incidentId", incidentId.toString());
        content.put("incidentKey", incident.incidentKey);
        content.put("kind", entry.kind().name());
        content.put("audience", entry.audience().strip());
        content.put("channel", entry.channel().strip());
        content.put("statusVersion", current.version);
        content.put("text", entry.text());
        content.put("author", author);
        ArrayNode list = content.putArray("approvers");
        approvers.forEach(list::add);
        content.put("draftedAt", entry.draftedAt().toString());
        if (entry.approvedAt() != null) {
            content.put("approvedAt", entry.approvedAt().toString());
        }
        content.put("sentAt", sent.toString());
        content.put("recordedAt", now.toString());
        if (entry.headline() != null && !entry.headline().isBlank()) {
            content.put("headline", entry.headline().strip());
        }
        return audit.append(CHAIN, content).call(r -> posted(incident, current, entry, sent, r.sequence()))
                .call(r -> entry.kind() == ExternalKind.REGULATOR_NOTICE ? engagements.regulatorNotified(incidentId, r.sequence(), sent)
                        : Uni.createFrom().voidItem())
                .call(r -> webhooks.publish(
                EventTypes.EXTERNAL_COMMS_SENT, incidentId, new ExternalCommunicationSent(incidentId, incident.incidentKey, entry.kind().name(),
                        entry.audience().strip(), entry.channel().strip(), current.version, author, approvers, entry.draftedAt(),
                        entry.approvedAt(), sent, r.sequence(), incident.drill)));
    }

    /** A status-page post of a real, unrestricted incident goes on the public page (a restricted one is also hidden when read). */
    private Uni<Void> posted(Incident incident, StatusVersion version,
                             ExternalLogRules.Entry entry, Instant sent, long sequence) {
        if (entry.kind() != ExternalKind.STATUS_PAGE_POST || incident.drill) {
            return Uni.createFrom().voidItem();
        }
        return access.isRestricted(incident.incidentId).chain(restricted -> {
            if (restricted) {
                return Uni.createFrom().voidItem();
            }
            StatusPageUpdate u = new StatusPageUpdate();
            u.id = UUID.randomUUID();
            u.incidentId = incident.incidentId;
            u.headline = entry.headline().strip();
            u.state = version.state.name();
            u.body = entry.text();
            u.impact = StatusPage.impact(incident.priority);
            u.affectedServices = version.affectedServices;
            u.postedAt = sent;
            u.logSequence = sequence;
            return page.persist(u).replaceWithVoid();
        });
    }

    /** Every record of the log, oldest first (one incident's when {@code incidentId} is given). */
    public Uni<List<AuditRecord>> entries(UUID incidentId) {
        List<AuditRecord> all = new ArrayList<>();
        return Multi.createBy().repeating().uni(() -> audit.read(CHAIN, all.isEmpty() ? 0 : all.get(all.size() - 1).sequence(), PAGE)
                        .invoke(all::addAll)).whilst(page -> page.size() == PAGE)
                .collect().last().map(ignored -> incidentId == null ? all
                        : all.stream().filter(r -> incidentId.toString().equals(r.content().path("incidentId").asText())).toList());
    }

    public Uni<AuditChain.Verification> verify(Optional<AuditAnchor> anchor) {
        return audit.verify(CHAIN, anchor);
    }
}
