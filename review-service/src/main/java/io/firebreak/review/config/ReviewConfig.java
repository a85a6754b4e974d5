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
}
