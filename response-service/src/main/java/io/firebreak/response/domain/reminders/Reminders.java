package io.firebreak.response.domain.reminders;

import io.firebreak.platform.delivery.OutboundDeliveries;
import io.firebreak.response.config.ResponseConfig;
import io.firebreak.response.domain.contact.ChannelMessages;
import io.firebreak.response.model.ResponseRecord;
import io.firebreak.response.model.oncall.ContactKind;
import io.firebreak.response.model.oncall.ContactMethod;
import io.firebreak.response.persistence.contact.ContactMethodRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reminders reach people on their own channels, not only as events: an overdue bridge update to the
 * commander, a shift about to end or exceeded to the holder (and the commander and the team's manager),
 * an overdue checklist item to its holder and the commander. A reminder is not a page: it goes once to
 * every verified e-mail and chat channel of the person, and by SMS only to someone who has nothing
 * else (never a voice call). Enqueued inside the caller's transaction (a deadline's firing), so it
 * leaves exactly when the overdue fact commits.
 */
@ApplicationScoped
public class Reminders {

    public static final String PURPOSE = "reminder";

    private final ContactMethodRepository methods;
    private final OutboundDeliveries deliveries;
    private final ResponseConfig config;

    public Reminders(ContactMethodRepository methods, OutboundDeliveries deliveries, ResponseConfig config) {
        this.methods = methods;
        this.deliveries = deliveries;
        this.config = config;
    }

    /** What to remind of: a short title, the sentence to read, and a key naming this one reminder (for its deliveries). */
    public record Reminder(String title, String text, String key) {
    }

    /** Sends {@code reminder} about {@code record} to each of {@code people} (absent and repeated names skipped); answers how many messages. */
    public Uni<Integer> remind(ResponseRecord record, Reminder reminder, Collection<String> people) {
        Set<String> to = new LinkedHashSet<>();
        people.stream().filter(Objects::nonNull).forEach(to::add);
        if (to.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        String drill = record.drill ? "[DRILL] " : "";
        ChannelMessages.Notification n = new ChannelMessages.Notification(
                drill + "[" + record.priority + "] " + record.incidentKey + " — " + reminder.title(),
                drill + record.incidentKey + " (" + record.title + "): " + reminder.text(),
                config.publicBaseUrl() + "/api/v1/response/incidents/" + record.incidentId + "/digest", "Open the incident",
                "reminder", Map.of("incidentId", record.incidentId.toString(), "incidentKey", record.incidentKey,
                        "reminder", reminder.key(), "title", reminder.title(), "drill", String.valueOf(record.drill)));
        return methods.verifiedOf(to).chain(verified -> {
            Uni<Integer> sent = Uni.createFrom().item(0);
            for (ContactMethod m : channels(verified)) {
                sent = sent.chain(count -> deliveries.enqueue(PURPOSE, "reminder:" + record.incidentId + "/" + reminder.key() + "/" + m.id, null,
                        ChannelMessages.of(m, n, config), null).replaceWith(count + 1));
            }
            return sent;
        });
    }

    /** E-mail and chat for everyone; SMS only for a person without either; never voice. */
    static List<ContactMethod> channels(List<ContactMethod> verified) {
        Set<String> withText = new LinkedHashSet<>();
        verified.stream().filter(m -> m.kind != ContactKind.SMS && m.kind != ContactKind.VOICE).forEach(m -> withText.add(m.person));
        return verified.stream().filter(m -> m.kind != ContactKind.VOICE)
                .filter(m -> m.kind != ContactKind.SMS || !withText.contains(m.person)).toList();
    }
}
