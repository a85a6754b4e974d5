package io.firebreak.change.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

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

    Reminders reminders();

    /** Where overdue duties are told by e-mail, besides their events. */
    interface Reminders {

        /** The change-management mailbox told of every overdue duty (and of level-2 escalations). */
        Optional<String> mailbox();

        /** When set, the responsible person is told too, at {@code <username>@<person-domain>}. */
        Optional<String> personDomain();
    }
}
