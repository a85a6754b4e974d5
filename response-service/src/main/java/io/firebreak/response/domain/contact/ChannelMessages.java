package io.firebreak.response.domain.contact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firebreak.platform.delivery.ChatPayloads;
import io.firebreak.platform.delivery.OutboundMessage;
import io.firebreak.response.config.ResponseConfig;
import io.firebreak.response.model.oncall.ContactMethod;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Turns one notification into the request each channel documents: an e-mail; a Twilio Messages or
 * Calls request (form-encoded, with the configured credential); a Slack incoming-webhook message with
 * a link button (Mattermost accepts the same {@code text}); a Teams workflow message carrying an
 * Adaptive Card with an open-URL action; or a Standard Webhooks signed JSON event.
 */
public final class ChannelMessages {

    /** The credential name of the SMS/voice gateway ({@code firebreak.delivery.credentials.twilio}). */
    public static final String TWILIO_CREDENTIAL = "twilio";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChannelMessages() {
    }

    /**
     * One notification: a subject line, a text, an optional link (acknowledge) with its label, and the
     * event type and data for signed webhooks.
     */
    public record Notification(String subject, String text, String linkUrl, String linkLabel, String eventType, Map<String, Object> data,
                               String ackToken) {

        public Notification(String subject, String text, String linkUrl, String linkLabel, String eventType, Map<String, Object> data) {
            this(subject, text, linkUrl, linkLabel, eventType, data, null);
        }
    }

    /** The action id of the Slack button (and the id of the Mattermost one) that acknowledges in place. */
    public static final String ACK_ACTION = ChatPayloads.ACK_ACTION;

    /** Where Mattermost posts a click on a page's button. */
    public static final String MATTERMOST_ACTIONS_PATH = "/api/v1/response/chat/mattermost/actions";

    public static OutboundMessage of(ContactMethod method, Notification n, ResponseConfig config) {
        return switch (method.kind) {
            case EMAIL -> OutboundMessage.mail(method.address, n.subject(),
                    n.text() + (n.linkUrl() == null ? "" : "\n\n" + n.linkLabel() + ": " + n.linkUrl()), null);
            case SMS -> twilio(config, "Messages.json", Map.of("To", method.address, "Body", shortText(n)));
            case VOICE -> twilio(config, "Calls.json", Map.of("To", method.address,
                    "Twiml", "<Response><Say>" + xml(n.subject()) + ". " + xml(n.text()) + "</Say></Response>"));
            case SLACK -> OutboundMessage.json(method.address, ChatPayloads.slack(note(n), config.chat().slackSigningSecret().isPresent()));
            case MATTERMOST -> OutboundMessage.json(method.address, ChatPayloads.mattermost(note(n), config.publicBaseUrl() + MATTERMOST_ACTIONS_PATH));
            case TEAMS -> OutboundMessage.json(method.address, ChatPayloads.teams(note(n)));
            case WEBHOOK -> OutboundMessage.signedWebhook(method.address, webhook(n), signingRef(method));
        };
    }

    /** The signing reference of a webhook contact method, resolved by {@code ContactSecrets}. */
    public static String signingRef(ContactMethod method) {
        return "contact:" + method.id;
    }

    private static String shortText(Notification n) {
        String text = n.subject() + (n.linkUrl() == null ? "" : " " + n.linkLabel() + ": " + n.linkUrl());
        return text.length() <= 1600 ? text : text.substring(0, 1600);
    }

    private static OutboundMessage twilio(ResponseConfig config, String resource, Map<String, String> fields) {
        String sid = config.twilio().accountSid().orElseThrow(() -> new IllegalStateException(
                "SMS and voice need firebreak.response.twilio.account-sid"));
        String from = config.twilio().from().orElseThrow(() -> new IllegalStateException("SMS and voice need firebreak.response.twilio.from"));
        StringBuilder form = new StringBuilder("From=").append(enc(from));
        fields.forEach((k, v) -> form.append('&').append(k).append('=').append(enc(v)));
        return OutboundMessage.http("POST", config.twilio().baseUrl() + "/2010-04-01/Accounts/" + sid + "/" + resource,
                Map.of("Content-Type", "application/x-www-form-urlencoded"), form.toString(), null, TWILIO_CREDENTIAL);
    }

    private static ChatPayloads.Note note(Notification n) {
        return new ChatPayloads.Note(n.subject(), n.text(), n.linkUrl(), n.linkLabel(), n.ackToken());
    }

    static String webhook(Notification n) {
        ObjectNode root = JSON.createObjectNode().put("type", n.eventType());
        root.put("timestamp", java.time.Instant.now().toString());
        root.set("data", JSON.valueToTree(n.data() == null ? Map.of() : n.data()));
        return root.toString();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
