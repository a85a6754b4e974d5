package io.firebreak.review.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Typed settings of the review service ({@code firebreak.review.*}). */
@ConfigMapping(prefix = "firebreak.review")
public interface ReviewConfig {

    /** A post-mortem is due this long after its incident's resolution. */
    @WithDefault("72h")
    Duration postmortemDue();

    /** How far a recollection or a second source may place a milestone from the record before it is flagged. */
    @WithDefault("5m")
    Duration timelineTolerance();

    /** An architectural review of a repeat failure is due this long after it opened. */
    @WithDefault("30d")
    Duration architectureReviewDue();

    /** Where people reach Firebreak from outside (the gateway), for the links written into tracker issues. */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    /** Plain-http tracker URLs are refused unless allowed (the local stack and tests run their trackers on http). */
    @WithDefault("false")
    boolean allowHttpTrackers();

    /** Trackers on loopback, private or link-local hosts are refused unless allowed (self-hosted GitLab-style installs inside). */
    @WithDefault("false")
    boolean allowPrivateTrackerHosts();
}
