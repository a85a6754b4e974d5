package io.firebreak.response.model.oncall;

/** How a person can be reached. */
public enum ContactKind {
    EMAIL, SMS, VOICE,
    /** A Slack incoming webhook, or anything that accepts its format (Mattermost). */
    SLACK,
    /** A Microsoft Teams workflow ("When a Teams webhook request is received"). */
    TEAMS,
    /** A generic HTTPS endpoint, sent Standard Webhooks signed JSON. */
    WEBHOOK
}
