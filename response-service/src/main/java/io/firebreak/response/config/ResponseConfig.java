package io.firebreak.response.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Typed settings of the response service ({@code firebreak.response.*}). */
@ConfigMapping(prefix = "firebreak.response")
public interface ResponseConfig {

    /** Where people reach this service from outside (the gateway), for the links in pages. */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    /** Plain-http webhook URLs are refused unless allowed (local stack and tests run receivers on http). */
    @WithDefault("false")
    boolean allowHttpWebhooks();

    /**
     * Webhook URLs aimed at loopback, private or link-local addresses and local names are refused unless
     * allowed (the local stack and tests run their receivers on loopback). See {@code Destinations}.
     */
    @WithDefault("false")
    boolean allowPrivateWebhookHosts();

    /** How long a verification code is good for. */
    @WithDefault("15m")
    Duration verificationTtl();

    /** Wrong codes before a new one must be requested. */
    @WithDefault("5")
    int verificationAttempts();

    Twilio twilio();

    Paging paging();

    Chat chat();

    OnCall oncall();

    Shifts shifts();

    /** How long one person holds an incident commander, comms lead or tech lead role before handing over. */
    interface Shifts {
        @WithDefault("4h")
        Duration maxP1();

        @WithDefault("8h")
        Duration maxP2();

        @WithDefault("12h")
        Duration maxOther();

        /** How long before the end of the shift the holder is reminded to hand over. */
        @WithDefault("30m")
        Duration reminderBefore();
    }

    /** Who is on call: the in-memory copy of the schedules. */
    interface OnCall {
        /**
         * How long a copy checked against the schedule revision is trusted while the change listener is
         * up, without asking the database again: the bound on staleness should a LISTEN connection die
         * unnoticed. Notifications make changes visible at once regardless.
         */
        @WithDefault("1s")
        Duration snapshotTrustedFor();
    }

    /** Acknowledging from a chat message's button. */
    interface Chat {

        /**
         * The signing secret of the Slack app whose incoming webhooks page people. With it, Slack pages carry
         * an "Acknowledge" button whose click Slack posts (signed) to {@code /api/v1/response/chat/slack/actions};
         * without it, only the link button.
         */
        Optional<String> slackSigningSecret();

        /** Slack's {@code response_url} (to mark the message acknowledged) is followed only below this prefix. */
        @WithDefault("https://hooks.slack.com/")
        String slackResponseUrlPrefix();

        /** How old a signed Slack request may be (Slack's own advice: five minutes, against replays). */
        @WithDefault("5m")
        Duration slackMaxAge();
    }

    /** Escalation windows, delay bounds and acknowledgement links. */
    interface Paging {

        /** How long each level of a P1 waits for an acknowledgement, unless the policy says otherwise. */
        @WithDefault("5m")
        Duration windowP1();

        @WithDefault("15m")
        Duration windowP2();

        /** The longest a P1 escalation may be held beyond its window, with a justification. */
        @WithDefault("30m")
        Duration maxDelayP1();

        @WithDefault("2h")
        Duration maxDelayP2();

        /** How long a one-click acknowledgement link works. */
        @WithDefault("24h")
        Duration linkTtl();

        /**
         * The HMAC key that signs acknowledgement links (at least 32 characters). Required: production sets
         * FIREBREAK_RESPONSE_PAGING_LINK_KEY; dev and test use a marked local-only value.
         */
        String linkKey();

        /** Whose role schedules page the P1 roles when the service's owning team has none of its own. */
        @WithDefault("incident-command")
        String roleTeam();

        /** Repeats of a person's notification rules while their page is unacknowledged. */
        @WithDefault("12")
        int maxRepeats();
    }

    /** The Twilio-compatible SMS/voice API; its credential is {@code firebreak.delivery.credentials.twilio}. */
    interface Twilio {

        @WithDefault("https://api.twilio.com")
        String baseUrl();

        Optional<String> accountSid();

        /** The sending number (E.164). */
        Optional<String> from();
    }
}
