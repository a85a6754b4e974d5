package io.firebreak.platform.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The bodies chat tools take on their incoming webhooks: Slack Block Kit (Mattermost accepts its
 * {@code text} too), Mattermost message attachments with an interactive button, and a Microsoft Teams
 * workflow message carrying an Adaptive Card. One implementation for pages (response) and stakeholder
 * messages (comms).
 */
public final class ChatPayloads {

    /** The action id of the Slack button (and the id of the Mattermost one) that acknowledges in place. */
    public static final String ACK_ACTION = "firebreak-acknowledge";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChatPayloads() {
    }

    /** What a chat message says: a subject, a text, an optional link with its label, and an optional acknowledgement token. */
    public record Note(String subject, String text, String linkUrl, String linkLabel, String ackToken) {

        public static Note of(String subject, String text) {
            return new Note(subject, text, null, null, null);
        }
    }

    /**
     * Block Kit: a section and, with a link, a link button; when the Slack app's interactivity is set up
     * (its signing secret configured), an "acknowledge here" button first, whose value is the page's token.
     */
    public static String slack(Note n, boolean interactive) {
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
    public static String mattermost(Note n, String actionsUrl) {
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

    public static String teams(Note n) {
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

}
