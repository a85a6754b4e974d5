package io.firebreak.comms.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed settings of the comms service ({@code firebreak.comms.*}). */
@ConfigMapping(prefix = "firebreak.comms")
public interface CommsConfig {

    /** Plain-http webhook URLs are refused unless allowed (the local stack and tests run receivers on http). */
    @WithDefault("false")
    boolean allowHttpWebhooks();

    /** Webhook URLs aimed at loopback, private or link-local hosts are refused unless allowed (see platform Destinations). */
    @WithDefault("false")
    boolean allowPrivateWebhookHosts();

    Webhooks webhooks();

    Executive executive();

    /** Executive-notification thresholds (see ExecutiveRules). */
    interface Executive {

        /** A P1 open this long must be told to executives. */
        @WithDefault("30m")
        java.time.Duration p1OpenFor();

        /** A P2 open this long must be told to executives. */
        @WithDefault("4h")
        java.time.Duration p2OpenFor();

        /** Revenue loss (per-hour rate × time since detection) that must be told, in the organisation's currency. */
        @WithDefault("50000")
        double revenueLoss();

        /** How long after a rule fires executives must have been notified. */
        @WithDefault("15m")
        java.time.Duration window();

        /** The longest a justified delay may postpone a notification, counted from the firing. */
        @WithDefault("4h")
        java.time.Duration maxDelay();
    }

    interface Webhooks {

        /**
         * Attempts per delivery before it is dead-lettered (replayable). With the platform's backoff (2 s doubling,
         * at most 10 min between attempts) 24 attempts span about three hours: a receiver down for an hour loses nothing.
         */
        @WithDefault("24")
        int maxAttempts();
    }
}
