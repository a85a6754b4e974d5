package io.firebreak.comms.domain.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firebreak.comms.config.CommsConfig;
import io.firebreak.comms.model.WebhookSubscription;
import io.firebreak.comms.persistence.WebhookRepository;
import io.firebreak.events.EventTypes;
import io.firebreak.platform.access.IncidentAccess;
import io.firebreak.platform.delivery.Destinations;
import io.firebreak.platform.delivery.OutboundDeliveries;
import io.firebreak.platform.delivery.OutboundMessage;
import io.firebreak.platform.delivery.StandardWebhooks;
import io.firebreak.platform.outbox.Outbox;
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
import java.util.Set;
import java.util.UUID;

/**
 * Comms' events for other platforms: subscriptions per event type, each with its own Standard Webhooks
 * secret. {@link #publish} records an event in the outbox and, in the same transaction, one delivery per
 * matching subscription — signed, retried with backoff and jitter, dead-lettered after the configured
 * attempts (replayable), and in order per subscription and incident (a later event waits behind an
 * earlier one still being retried). Restricted incidents reach only subscriptions an admin allowed them.
 */
@ApplicationScoped
public class Webhooks {

    public static final String PURPOSE = "webhook";
    public static final String SIGNING_PREFIX = "subscription:";
    /** What a subscription may ask for: comms' own events, by their short names. */
    public static final Set<String> TYPES = Set.of(shortName(EventTypes.STATUS_PUBLISHED), shortName(EventTypes.STATUS_UPDATE_OVERDUE),
            shortName(EventTypes.EXTERNAL_COMMS_SENT), shortName(EventTypes.MESSAGE_SENT), shortName(EventTypes.EXEC_NOTIFICATION_REQUIRED),
            shortName(EventTypes.EXEC_NOTIFICATION_SENT), shortName(EventTypes.EXEC_NOTIFICATION_DELAYED),
            shortName(EventTypes.EXEC_NOTIFICATION_OVERDUE));

    private final WebhookRepository subscriptions;
    private final OutboundDeliveries deliveries;
    private final IncidentAccess access;
    private final Outbox outbox;
    private final CommsConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;

    public Webhooks(WebhookRepository subscriptions, OutboundDeliveries deliveries, IncidentAccess access, Outbox outbox, CommsConfig config,
                    ObjectMapper mapper, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.access = access;
        this.outbox = outbox;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** {@code io.firebreak.status.published.v1} → {@code status.published}. */
    public static String shortName(String type) {
        String name = type.startsWith("io.firebreak.") ? type.substring("io.firebreak.".length()) : type;
        int version = name.lastIndexOf(".v");
        return version > 0 ? name.substring(0, version) : name;
    }

    public record Draft(String name, String url, List<String> eventTypes, boolean includeRestricted) {
    }

    /** Registers a subscription; its secret is in the answer, and only there. */
    @WithTransaction
    public Uni<WebhookSubscription> subscribe(Actor actor, Draft d) {
        List<Violation> violations = new ArrayList<>();
        FreeText.check(violations, "name", d.name(), true, 200);
        String url = d.url() == null ? null : d.url().strip();
        if (url == null || url.isEmpty()) {
            violations.add(new Violation("url", "is required"));
        } else {
            String refusal = Destinations.webhookUrlRefusal(url, config.allowHttpWebhooks(), config.allowPrivateWebhookHosts());
            if (refusal != null) {
                violations.add(new Violation("url", refusal));
            }
        }
        List<String> types = d.eventTypes() == null ? List.of() : d.eventTypes().stream().map(t -> t == null ? "" : t.strip()).distinct().toList();
        if (types.isEmpty()) {
            violations.add(new Violation("eventTypes", "name at least one of " + String.join(", ", TYPES.stream().sorted().toList())));
        }
        for (int i = 0; i < types.size(); i++) {
            if (!TYPES.contains(types.get(i))) {
                violations.add(new Violation("eventTypes[" + i + "]", "must be one of " + String.join(", ", TYPES.stream().sorted().toList())));
            }
        }
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(violations));
        }
        if (d.includeRestricted() && !actor.isAdmin()) {
            return Uni.createFrom().failure(ProblemException.forbidden("Only an admin lets restricted incidents reach a subscription"));
        }
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.name = d.name().strip();
        s.url = url;
        s.eventTypes = types;
        s.secret = StandardWebhooks.newSecret();
        s.includeRestricted = d.includeRestricted();
        s.createdBy = actor.user();
        s.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return subscriptions.persist(s);
    }

    @WithSession
    public Uni<List<WebhookSubscription>> list() {
        return subscriptions.active();
    }

    /**
     * Ends a subscription: no new deliveries, and what is still pending to it is cancelled (a receiver that was
     * removed must not be retried for hours); its delivery history stays readable.
     */
    @WithTransaction
    public Uni<Void> unsubscribe(UUID id) {
        return subscriptions.findById(id).chain(s -> {
            if (s == null || s.disabledAt != null) {
                return Uni.createFrom().failure(ProblemException.notFound("Webhook subscription", id));
            }
            s.disabledAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            return deliveries.cancelPendingWithPrefix(PURPOSE, "webhook:" + id + "/").replaceWithVoid();
        });
    }

    /** The deliveries to one subscription, newest first: its history (dead ones can be replayed). */
    @WithSession
    public Uni<List<io.firebreak.platform.delivery.DeliveryRecord>> deliveries(UUID subscriptionId, int limit) {
        return subscriptions.findById(subscriptionId).chain(s -> s == null
                ? Uni.createFrom().failure(ProblemException.notFound("Webhook subscription", subscriptionId))
                : deliveries.history(PURPOSE, "webhook:" + subscriptionId + "/", limit));
    }

    /** Sends a dead delivery of the subscription again (further attempts, in order behind nothing older); 409 unless it is dead. */
    @WithTransaction
    public Uni<Void> replay(UUID subscriptionId, UUID deliveryId) {
        return deliveries.find(PURPOSE, deliveryId).chain(d -> {
            if (d == null || !d.reference().startsWith("webhook:" + subscriptionId + "/")) {
                return Uni.createFrom().failure(ProblemException.notFound("Delivery", deliveryId));
            }
            return deliveries.replay(deliveryId).chain(replayed -> replayed ? Uni.createFrom().voidItem()
                    : Uni.createFrom().failure(ProblemException.conflict("Delivery " + deliveryId + " is " + d.status()
                            + "; only a dead delivery is replayed")));
        });
    }

    /** Inside the caller's transaction: records the event and hands it to every subscription of its type. */
    public Uni<UUID> publish(String type, UUID incidentId, Object data) {
        Instant at = clock.instant();
        String name = shortName(type);
        return outbox.record(type, incidentId.toString(), data).call(eventId -> access.isRestricted(incidentId)
                .chain(restricted -> subscriptions.active().chain(all -> {
                    Uni<Void> enqueued = Uni.createFrom().voidItem();
                    for (WebhookSubscription s : all) {
                        if (!s.eventTypes.contains(name) || (restricted && !s.includeRestricted)) {
                            continue;
                        }
                        String body = body(eventId, name, at, data);
                        enqueued = enqueued.call(() -> deliveries.enqueue(PURPOSE, "webhook:" + s.id + "/" + eventId, s.id + ":" + incidentId,
                                OutboundMessage.signedWebhook(s.url, body, SIGNING_PREFIX + s.id), config.webhooks().maxAttempts()));
                    }
                    return enqueued;
                })));
    }

    /** Standard Webhooks' payload shape: {@code {type, timestamp, data}}, plus the event id to deduplicate by. */
    private String body(UUID eventId, String name, Instant at, Object data) {
        ObjectNode root = mapper.createObjectNode();
        root.put("type", name);
        root.put("timestamp", at.toString());
        root.put("eventId", eventId.toString());
        root.set("data", mapper.valueToTree(data));
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data is not serialisable: " + name, e);
        }
    }
}
