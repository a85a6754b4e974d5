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
}
