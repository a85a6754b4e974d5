package io.firebreak.response.domain.contact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    public static final String ACK_ACTION = "firebreak-acknowledge";

    /** Where Mattermost posts a click on a page's button. */
    public static final String MATTERMOST_ACTIONS_PATH = "/api/v1/response/chat/mattermost/actions";

    public static OutboundMessage of(ContactMethod method, Notification n, ResponseConfig config) {
        return switch (method.kind) {
            case EMAIL -> OutboundMessage.mail(method.address, n.subject(),
                    n.text() + (n.linkUrl() == null ? "" : "\n\n" + n.linkLabel() + ": " + n.linkUrl()), null);
            case SMS -> twilio(config, "Messages.json", Map.of("To", method.address, "Body", shortText(n)));
            case VOICE -> twilio(config, "Calls.json", Map.of("To", method.address,
                    "Twiml", "<Response><Say>" + xml(n.subject()) + ". " + xml(n.text()) + "</Say></Response>"));
            case SLACK -> OutboundMessage.json(method.address, slack(n, config.chat().slackSigningSecret().isPresent()));
            case MATTERMOST -> OutboundMessage.json(method.address, mattermost(n, config.publicBaseUrl() + MATTERMOST_ACTIONS_PATH));
            case TEAMS -> OutboundMessage.json(method.address, teams(n));
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

    /**
     * Block Kit: a section and, with a link, a link button; when the Slack app's interactivity is set up
     * (its signing secret configured), an "acknowledge here" button first, whose value is the page's token.
     */
    static String slack(Notification n, boolean interactive) {
        ObjectNode root = JSON.createObjectNode();
        String fallback = "*" + n.subject() + "*\n" + n.text() + (n.linkUrl() == null ? "" : "\n<" + n.linkUrl() + "|" + n.linkLabel() + ">");
        root.put("text", fallback);
        ArrayNode blocks = root.putArray("blocks");
        ObjectNode section = blocks.addObject().put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", "*" + n.subject() + "*\n" + n.text());
        if (n.linkUrl() != null) {
            ArrayNode elements = blocks.addObject().put("type", "actions").putArray("elements");
            if (interactive && n.ackToken() != null) {
                ObjectNode ack = elements.addObject().put("type", "button").put("action_id", ACK_ACTION).put("value", n.ackToken())
                        .put("style", "danger");
                ack.putObject("text").put("type", "plain_text").put("text", n.linkLabel());
            }
            ObjectNode button = elements.addObject();
            button.put("type", "button").put("action_id", "firebreak-open-link").put("url", n.linkUrl());
            if (!interactive || n.ackToken() == null) {
                button.put("style", "danger");
            }
            button.putObject("text").put("type", "plain_text").put("text", interactive && n.ackToken() != null ? "Open in browser" : n.linkLabel());
        }
        return root.toString();
    }

    /**
     * Mattermost's message attachments with an interactive button: a click makes Mattermost post the
     * button's context (the page's token, which is the credential) to {@code actionsUrl}.
     */
    static String mattermost(Notification n, String actionsUrl) {
        ObjectNode root = JSON.createObjectNode();
        root.put("text", "**" + n.subject() + "**");
        ObjectNode attachment = root.putArray("attachments").addObject()
                .put("fallback", n.subject() + (n.linkUrl() == null ? "" : " " + n.linkLabel() + ": " + n.linkUrl()))
                .put("color", "#D0021B").put("text", n.text() + (n.linkUrl() == null ? "" : "\n[" + n.linkLabel() + " in the browser](" + n.linkUrl() + ")"));
        if (n.ackToken() != null) {
            ObjectNode action = attachment.putArray("actions").addObject().put("id", "firebreakacknowledge").put("type", "button")
                    .put("name", n.linkLabel()).put("style", "danger");
            action.putObject("integration").put("url", actionsUrl).putObject("context").put("action", ACK_ACTION).put("token", n.ackToken());
        }
        return root.toString();
    }

    static String teams(Notification n) {
        ObjectNode root = JSON.createObjectNode().put("type", "message");
        ObjectNode attachment = root.putArray("attachments").addObject()
                .put("contentType", "application/vnd.microsoft.card.adaptive");
        ObjectNode card = attachment.putObject("content")
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json").put("type", "AdaptiveCard").put("version", "1.4");
        ArrayNode body = card.putArray("body");
        body.addObject().put("type", "TextBlock").put("text", n.subject()).put("weight", "Bolder").put("size", "Medium").put("wrap", true);
        body.addObject().put("type", "TextBlock").put("text", n.text()).put("wrap", true);
        if (n.linkUrl() != null) {
            card.putArray("actions").addObject().put("type", "Action.OpenUrl").put("title", n.linkLabel()).put("url", n.linkUrl());
        }
        return root.toString();
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
