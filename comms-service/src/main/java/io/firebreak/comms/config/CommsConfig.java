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

    Engagement engagement();

    /** Regulators' notification windows by name (e.g. gdpr-art33: 72 h from awareness of a data exposure). */
    java.util.Map<String, Regulation> regulations();

    Commentary commentary();

    /** Who legal, compliance and PR are, and when a customer-facing P1 needs PR. */
    interface Engagement {

        @WithDefault("60m")
        java.time.Duration customerFacingP1OpenFor();

        /** Addresses told when legal is engaged. */
        java.util.Optional<java.util.List<String>> legal();

        java.util.Optional<java.util.List<String>> compliance();

        java.util.Optional<java.util.List<String>> pr();
    }

    interface Regulation {

        /** How long after awareness the authority must be notified. */
        java.time.Duration window();

        /** DATA_EXPOSURE, REGULATED_OUTAGE or REGULATORY_EXPOSURE (see EngagementRules). */
        String trigger();

        String authority();
    }

    /** The public-commentary monitoring intake. */
    interface Commentary {

        /** Standard Webhooks secret the monitoring tools sign their posts with; without it the intake refuses everything. */
        java.util.Optional<String> secret();

        /** Words that reference any active incident (besides its key and business service). */
        java.util.Optional<java.util.List<String>> keywords();

        /** Staff who speak for the organisation (press office): never flagged. */
        java.util.Optional<java.util.List<String>> spokespeople();
    }

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
