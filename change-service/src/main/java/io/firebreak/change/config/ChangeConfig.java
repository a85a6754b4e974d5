package io.firebreak.change.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Typed settings of the change service ({@code firebreak.change.*}). */
@ConfigMapping(prefix = "firebreak.change")
public interface ChangeConfig {

    /** Validation by someone other than the implementer is due this long after implementation. */
    @WithDefault("1h")
    Duration validationWindow();

    /** The retroactive documentation (full change record, tests done, approvals) is due this long after implementation. */
    @WithDefault("24h")
    Duration documentationDeadline();

    /** The effectiveness review is due this long after implementation; regressions are looked for in the same window. */
    @WithDefault("24h")
    Duration effectivenessWindow();

    /** An overdue effectiveness review escalates again after each such interval, up to {@link #effectivenessEscalations()}. */
    @WithDefault("24h")
    Duration effectivenessEscalationInterval();

    @WithDefault("3")
    int effectivenessEscalations();

    /** A deploy of an affected service this long before an incident's detection is linked to it as a candidate cause at declaration. */
    @WithDefault("2h")
    Duration candidateLookback();

}
