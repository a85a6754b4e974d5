package io.firebreak.platform.delivery;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Where a service e-mails reminders of overdue duties ({@code firebreak.reminders.*}). */
@ConfigMapping(prefix = "firebreak.reminders")
public interface RemindersConfig {

    /** A team mailbox told of every reminder (change management, the post-mortem coordinators …). */
    Optional<String> mailbox();

    /** When set, the people concerned are told too, at {@code <username>@<person-domain>}. */
    Optional<String> personDomain();
}
