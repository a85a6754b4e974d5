package io.firebreak.platform.delivery;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reminders of overdue duties by e-mail, as durable deliveries queued in the caller's transaction (so a reminder
 * exists exactly when the overdue state that needs it commits): to the configured mailbox and to the people concerned
 * at {@code <user>@<person-domain>}. People's verified contact methods live in response; a service reminding by mail
 * does not read them (an open design point: a "notify person" contract through response would reach every channel).
 */
@ApplicationScoped
public class Reminders {

    public static final String PURPOSE = "reminder";

    private final OutboundDeliveries deliveries;
    private final RemindersConfig config;

    public Reminders(OutboundDeliveries deliveries, RemindersConfig config) {
        this.deliveries = deliveries;
        this.config = config;
    }

    /** Addresses for {@code people} plus the mailbox, each once. */
    public List<String> addresses(List<String> people) {
        Set<String> out = new LinkedHashSet<>();
        config.personDomain().ifPresent(domain -> people.stream().filter(p -> p != null && !p.isBlank())
                .forEach(p -> out.add(p + "@" + domain)));
        config.mailbox().ifPresent(out::add);
        return new ArrayList<>(out);
    }

    /** Queues the reminder; {@code reference} (e.g. {@code CHG-12/validation}) names it in the delivery history. */
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
