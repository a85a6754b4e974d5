package io.firebreak.metrics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Typed settings of the metrics service ({@code firebreak.metrics.*}). */
@ConfigMapping(prefix = "firebreak.metrics")
public interface MetricsConfig {

    /** How far apart two services may place the same moment before it is a CLOCK_SKEW finding. */
    @WithDefault("2m")
    Duration clockSkewTolerance();

    /**
     * How long after metrics first hears of an incident its declaration may still arrive before the incident is an
     * UNKNOWN_INCIDENT finding. Topics are read independently, so a page or an acknowledgement is often read before
     * the declaration it follows; only a declaration missing for longer is a data problem.
     */
    @WithDefault("5m")
    Duration unknownIncidentGrace();

    /** Incidents recur when they share a cause within this window. */
    @WithDefault("90d")
    Duration recurrenceWindow();

    /** This many recurring incidents on one service and cause trigger an architectural review. */
    @WithDefault("3")
    int recurrenceThreshold();

    /** The executive stakeholder group the monthly report is mailed to on the 1st (07:00 UTC); none: not mailed. */
    java.util.Optional<java.util.List<String>> reportRecipients();

    /** Who is reminded to hold the quarterly governance review (none: the report recipients). */
    java.util.Optional<java.util.List<String>> governanceRecipients();

    /** How long into a quarter the reminder comes when the previous quarter's governance review is not recorded. */
    @WithDefault("14d")
    Duration governanceReminderAfter();
}
