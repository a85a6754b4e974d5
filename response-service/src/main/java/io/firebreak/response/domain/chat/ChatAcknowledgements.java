package io.firebreak.response.domain.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.platform.audit.AuditLog;
import io.firebreak.platform.delivery.OutboundDeliveries;
import io.firebreak.platform.delivery.OutboundMessage;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.response.config.ResponseConfig;
import io.firebreak.response.domain.paging.AckLinks;
import io.firebreak.response.domain.paging.Paging;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

/**
 * Acknowledging from a chat message's button. The button carries the page's token — the same signed,
 * expiring, single-use credential as the page's link — so a click acknowledges for the paged person,
 * whoever in the channel clicked; who clicked (the chat's own user) is kept in the audit chain
 * {@code chat-acknowledgements}. A Slack click may come with a {@code response_url}: the message is then
 * replaced by its outcome (buttons gone), through the outbound delivery queue and only below the
 * configured prefix — the URL comes from the request, so it is never followed anywhere else.
 */
@ApplicationScoped
public class ChatAcknowledgements {

    static final String REPLY = "response.chat-reply";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a click did. */
    public enum Result { ACKNOWLEDGED, ALREADY_ACKNOWLEDGED, USED, EXPIRED, FORGED }

    /** A click's outcome and the sentence that tells the channel. */
    public record Outcome(Result result, String message) {
    }

    private final AckLinks links;
    private final Paging paging;
    private final AuditLog audit;
    private final OutboundDeliveries deliveries;
    private final ResponseConfig config;
    private final Clock clock;

    public ChatAcknowledgements(AckLinks links, Paging paging, AuditLog audit, OutboundDeliveries deliveries, ResponseConfig config,
                                Clock clock) {
        this.links = links;
        this.paging = paging;
        this.audit = audit;
        this.deliveries = deliveries;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Acknowledges the page a token names, for a click in {@code channel} by {@code clickedBy} (the chat's
     * user name or id). {@code replyUrl} may be null.
     */
    @WithTransaction
    public Uni<Outcome> acknowledge(String token, String channel, String clickedBy, String replyUrl) {
        AckLinks.TokenCheck check = links.checkToken(token);
        if (check.check() == AckLinks.Check.FORGED) {
            return Uni.createFrom().item(new Outcome(Result.FORGED, "This button is not a valid Firebreak acknowledgement."));
        }
        if (check.check() == AckLinks.Check.EXPIRED) {
            return Uni.createFrom().item(new Outcome(Result.EXPIRED, "This page's acknowledgement expired; acknowledge in Firebreak instead."));
        }
        UUID pageId = check.pageId();
        return paging.acknowledgeByLink(pageId, "CHAT").chain(ack -> paging.find(ack.incidentId()).chain(incident -> {
            String key = incident == null ? ack.incidentId().toString() : incident.incidentKey;
            Outcome outcome = ack.first()
                    ? new Outcome(Result.ACKNOWLEDGED, "Acknowledged by " + ack.person() + " (" + channel.toLowerCase(java.util.Locale.ROOT)
                            + ", clicked by " + clickedBy + "): " + key + " escalation stopped.")
                    : new Outcome(Result.ALREADY_ACKNOWLEDGED, key + " was already acknowledged by " + ack.acknowledgedBy()
                            + "; " + ack.person() + " is recorded as engaged.");
            var record = JSON.createObjectNode().put("incidentId", ack.incidentId().toString()).put("pageId", pageId.toString())
                    .put("person", ack.person()).put("channel", channel).put("clickedBy", clickedBy).put("first", ack.first())
                    .put("at", clock.instant().toString());
            return audit.append("chat-acknowledgements", record).chain(() -> reply(pageId, replyUrl, outcome)).replaceWith(outcome);
        })).onFailure(ProblemException.class).recoverWithUni(e -> {
            // Refused before anything was written: the channel hears why.
            int status = ((ProblemException) e).problem().status();
            if (status == 410) {
                return Uni.createFrom().item(new Outcome(Result.USED, "This page was already acknowledged with this button or its link."));
            }
            if (status == 404) {
                return Uni.createFrom().item(new Outcome(Result.FORGED, "This button is not a valid Firebreak acknowledgement."));
            }
            return Uni.createFrom().failure(e);
        });
    }

    private Uni<Void> reply(UUID pageId, String replyUrl, Outcome outcome) {
        if (replyUrl == null || !replyUrl.startsWith(config.chat().slackResponseUrlPrefix())) {
            return Uni.createFrom().voidItem();
        }
        String body = JSON.createObjectNode().put("replace_original", true).put("text", outcome.message()).toString();
        return deliveries.enqueue(REPLY, "chat-reply:" + pageId, null, OutboundMessage.json(replyUrl, body), 5).replaceWithVoid();
    }
}
