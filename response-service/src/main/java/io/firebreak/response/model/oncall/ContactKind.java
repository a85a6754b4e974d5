package io.firebreak.response.model.oncall;

/** How a person can be reached. */
public enum ContactKind {
    EMAIL, SMS, VOICE,
    /** A Slack incoming webhook (Block Kit message; its button acknowledges when the Slack app's signing secret is set). */
    SLACK,
    /** A Mattermost incoming webhook (message attachments with an interactive acknowledge button). */
    MATTERMOST,
    /** A Microsoft Teams workflow ("When a Teams webhook request is received"). */
    TEAMS,
    /** A generic HTTPS endpoint, sent Standard Webhooks signed JSON. */
    WEBHOOK
}
