package io.firebreak.comms.domain.stakeholders;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firebreak.comms.config.CommsConfig;
import io.firebreak.comms.model.Audience;
import io.firebreak.comms.model.Incident;
import io.firebreak.comms.model.StakeholderGroup;
import io.firebreak.comms.model.StakeholderMessage;
import io.firebreak.comms.persistence.StakeholderGroupRepository;
import io.firebreak.platform.access.IncidentAccess;
import io.firebreak.platform.delivery.ChatPayloads;
import io.firebreak.platform.delivery.DeliveryRecord;
import io.firebreak.platform.delivery.Destinations;
import io.firebreak.platform.delivery.OutboundDeliveries;
import io.firebreak.platform.delivery.OutboundMessage;
import io.firebreak.platform.delivery.StandardWebhooks;
import io.firebreak.platform.problem.FreeText;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Stakeholder groups and the delivery of a sent message to every group that receives it: by audience,
 * business service and priority, through each of the group's channels — e-mail over SMTP, Slack, Mattermost
 * or Teams incoming webhooks, and Standard Webhooks signed JSON — durably (the platform's outbound deliveries,
 * retried, in order per group and incident). A restricted incident reaches only groups an admin let see them.
 */
@ApplicationScoped
public class Stakeholders {

    public static final String PURPOSE = "stakeholder";
    public static final String SIGNING_PREFIX = "group:";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Set<String> PRIORITIES = Set.of("P1", "P2", "P3", "P4");

    private final StakeholderGroupRepository groups;
    private final OutboundDeliveries deliveries;
    private final IncidentAccess access;
    private final CommsConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;

    public Stakeholders(StakeholderGroupRepository groups, OutboundDeliveries deliveries, IncidentAccess access, CommsConfig config,
                        ObjectMapper mapper, Clock clock) {
        this.groups = groups;
        this.deliveries = deliveries;
        this.access = access;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    public record Draft(String name, StakeholderGroup.Kind kind, Audience audience, List<String> businessServices, List<String> priorities,
                        List<StakeholderGroup.Channel> channels, boolean includeRestricted) {
    }

    /** The audience a kind of group hears by default: executives the executive text, support the technical one, customers theirs. */
    public static Audience defaultAudience(StakeholderGroup.Kind kind) {
        return switch (kind) {
            case EXECUTIVES -> Audience.EXECUTIVE;
            case SUPPORT -> Audience.TECHNICAL;
            case CUSTOMER_SUCCESS, CUSTOMER -> Audience.CUSTOMER;
        };
    }

    @WithTransaction
    public Uni<StakeholderGroup> create(Actor actor, Draft d) {
        List<Violation> violations = new ArrayList<>();
        FreeText.check(violations, "name", d.name(), true, 200);
        if (d.kind() == null) {
            violations.add(new Violation("kind", "is required: EXECUTIVES, SUPPORT, CUSTOMER_SUCCESS or CUSTOMER"));
        }
        List<String> services = d.businessServices() == null ? List.of() : d.businessServices().stream().map(String::strip).distinct().toList();
        List<String> priorities = d.priorities() == null || d.priorities().isEmpty() ? List.of("P1", "P2")
                : d.priorities().stream().map(String::strip).distinct().toList();
        for (int i = 0; i < priorities.size(); i++) {
            if (!PRIORITIES.contains(priorities.get(i))) {
                violations.add(new Violation("priorities[" + i + "]", "must be P1, P2, P3 or P4"));
            }
        }
        List<StakeholderGroup.Channel> channels = d.channels() == null ? List.of() : d.channels();
        if (channels.isEmpty()) {
            violations.add(new Violation("channels", "name at least one channel: EMAIL, SLACK, MATTERMOST, TEAMS or WEBHOOK with its address"));
        }
        for (int i = 0; i < channels.size(); i++) {
            String refusal = refusal(channels.get(i));
            if (refusal != null) {
                violations.add(new Violation("channels[" + i + "]", refusal));
            }
        }
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(violations));
        }
        if (d.includeRestricted() && !actor.isAdmin()) {
            return Uni.createFrom().failure(ProblemException.forbidden("Only an admin lets restricted incidents reach a stakeholder group"));
        }
        StakeholderGroup g = new StakeholderGroup();
        g.id = UUID.randomUUID();
        g.name = d.name().strip();
        g.kind = d.kind();
        g.audience = d.audience() != null ? d.audience() : defaultAudience(d.kind());
        g.businessServices = services;
        g.priorities = priorities;
        g.channels = channels.stream().map(c -> new StakeholderGroup.Channel(c.kind(), c.address().strip())).toList();
        g.webhookSecret = g.channels.stream().anyMatch(c -> c.kind() == StakeholderGroup.ChannelKind.WEBHOOK) ? StandardWebhooks.newSecret() : null;
        g.includeRestricted = d.includeRestricted();
        g.createdBy = actor.user();
        g.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return groups.persist(g);
    }

    private String refusal(StakeholderGroup.Channel c) {
        if (c == null || c.kind() == null) {
            return "needs a kind: EMAIL, SLACK, MATTERMOST, TEAMS or WEBHOOK";
        }
        if (c.address() == null || c.address().isBlank()) {
            return "needs an address";
        }
        if (c.kind() == StakeholderGroup.ChannelKind.EMAIL) {
            return EMAIL.matcher(c.address().strip()).matches() ? null : "is not an e-mail address";
        }
        return Destinations.webhookUrlRefusal(c.address().strip(), config.allowHttpWebhooks(), config.allowPrivateWebhookHosts());
    }

    @WithSession
    public Uni<List<StakeholderGroup>> list() {
        return groups.active();
    }

    @WithTransaction
    public Uni<Void> remove(UUID id) {
        return groups.findById(id).chain(g -> {
            if (g == null || g.removedAt != null) {
                return Uni.createFrom().failure(ProblemException.notFound("Stakeholder group", id));
            }
            g.removedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            return Uni.createFrom().voidItem();
        });
    }

    /** Who heard a message: the groups reached, the deliveries queued, and the groups a restriction kept out. */
    public record Delivered(List<String> groups, int deliveries, List<String> withheld) {
    }

    /** Queues the message to every receiving group's channels, inside the caller's transaction. */
    public Uni<Delivered> deliver(Incident incident, StakeholderMessage message) {
        return groups.active().chain(all -> access.isRestricted(incident.incidentId).chain(restricted -> {
            List<String> reached = new ArrayList<>();
            List<String> withheld = new ArrayList<>();
            Uni<Integer> queued = Uni.createFrom().item(0);
            for (StakeholderGroup g : all) {
                if (!g.receives(message.audience, incident.businessService, incident.priority.name())) {
                    continue;
                }
                if (restricted && !g.includeRestricted) {
                    withheld.add(g.name);
                    continue;
                }
                reached.add(g.name);
                for (int i = 0; i < g.channels.size(); i++) {
                    StakeholderGroup.Channel c = g.channels.get(i);
                    String reference = "message:" + message.id + "/" + g.id + "/" + i;
                    OutboundMessage out = outbound(g, c, incident, message);
                    queued = queued.call(() -> deliveries.enqueue(PURPOSE, reference, g.id + "/" + c.address() + ":" + incident.incidentId, out, null))
                            .map(n -> n + 1);
                }
            }
            return queued.map(n -> new Delivered(reached, n, withheld));
        }));
    }

    private OutboundMessage outbound(StakeholderGroup g, StakeholderGroup.Channel c, Incident incident, StakeholderMessage m) {
        ChatPayloads.Note note = ChatPayloads.Note.of(m.subject, m.body);
        return switch (c.kind()) {
            case EMAIL -> OutboundMessage.mail(c.address(), m.subject, m.body, null);
            case SLACK -> OutboundMessage.json(c.address(), ChatPayloads.slack(note, false));
            case MATTERMOST -> OutboundMessage.json(c.address(), ChatPayloads.mattermost(note, null));
            case TEAMS -> OutboundMessage.json(c.address(), ChatPayloads.teams(note));
            case WEBHOOK -> OutboundMessage.signedWebhook(c.address(), webhookBody(incident, m), SIGNING_PREFIX + g.id);
        };
    }

    private String webhookBody(Incident incident, StakeholderMessage m) {
        ObjectNode root = mapper.createObjectNode().put("type", "message.sent").put("timestamp", clock.instant().toString());
        root.putObject("data").put("incidentId", incident.incidentId.toString()).put("incidentKey", incident.incidentKey)
                .put("messageId", m.id.toString()).put("audience", m.audience.name()).put("statusVersion", m.statusVersion)
                .put("subject", m.subject).put("body", m.body).put("drill", incident.drill);
        return root.toString();
    }

    /** Every delivery of one message, newest first. */
    public Uni<List<DeliveryRecord>> deliveries(UUID messageId) {
        return deliveries.history(PURPOSE, "message:" + messageId + "/", 500);
    }

    /** The signing secret of a group's webhook channels ({@code group:<id>}). */
    @WithSession
    public Uni<List<String>> secret(UUID groupId) {
        return groups.findById(groupId).map(g -> g == null || g.webhookSecret == null ? List.of() : List.of(g.webhookSecret));
    }
}
