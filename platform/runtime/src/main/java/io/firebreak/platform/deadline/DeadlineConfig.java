package io.firebreak.platform.deadline;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Typed settings of durable deadlines ({@code firebreak.deadlines.*}). */
@ConfigMapping(prefix = "firebreak.deadlines")
public interface DeadlineConfig {

    /** Schema of the deadline table; the service's own schema. */
    String schema();

    /** How often due deadlines are looked for (also the worst-case lateness of a firing). */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long after start the first look is (tests that fire deadlines themselves push it out of their way). */
    @WithDefault("2s")
    Duration firstPollDelay();

    /** Deadlines claimed per look; each fires in its own transaction. */
    @WithDefault("100")
    int batchSize();

    /** Failed firings before a deadline is given up (status FAILED, counted by a gauge). */
    @WithDefault("10")
    int maxAttempts();

    @WithDefault("1s")
    Duration initialBackoff();

    @WithDefault("5m")
    Duration maxBackoff();

    /** How long fired, cancelled and failed deadlines are kept. */
    @WithDefault("P30D")
    Duration retention();
}
