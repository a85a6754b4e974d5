package io.firebreak.change.domain.changes;

import io.firebreak.change.config.ChangeConfig;
import io.firebreak.platform.delivery.OutboundDeliveries;
import io.firebreak.platform.delivery.OutboundMessage;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells people of overdue duties by e-mail, as durable deliveries queued in the caller's transaction: the
 * change-management mailbox always (when configured) and the responsible people at {@code <user>@<person-domain>}.
 * Response keeps people's verified contact methods; change does not read them (see the README's doubts).
 */
@ApplicationScoped
public class Reminders {

    public static final String PURPOSE = "change-reminder";

    private final OutboundDeliveries deliveries;
    private final ChangeConfig config;

    public Reminders(OutboundDeliveries deliveries, ChangeConfig config) {
        this.deliveries = deliveries;
        this.config = config;
    }

    /** Addresses for {@code people} plus the change-management mailbox, each once. */
    public List<String> addresses(List<String> people) {
        Set<String> out = new LinkedHashSet<>();
        config.reminders().personDomain().ifPresent(domain -> people.stream().filter(p -> p != null && !p.isBlank())
                .forEach(p -> out.add(p + "@" + domain)));
        config.reminders().mailbox().ifPresent(out::add);
        return new ArrayList<>(out);
    }

    /** Queues the reminder; {@code reference} (e.g. {@code CHG-12/validation}) names the delivery in the history. */
    public Uni<List<String>> remind(String reference, List<String> people, String subject, String text) {
        List<String> to = addresses(people);
        Uni<Void> all = Uni.createFrom().voidItem();
        for (String address : to) {
            all = all.call(() -> deliveries.enqueue(PURPOSE, reference, reference + "/" + address,
                    OutboundMessage.mail(address, subject, text, null), null));
        }
        return all.replaceWith(to);
    }
}
