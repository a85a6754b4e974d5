package io.firebreak.response.domain.runbook;

import io.firebreak.response.domain.reminders.Reminders;
import io.firebreak.events.EventTypes;
import io.firebreak.events.Priority;
import io.firebreak.events.RunbookItemOverdue;
import io.firebreak.platform.deadline.Deadline;
import io.firebreak.platform.deadline.DeadlineHandler;
import io.firebreak.platform.deadline.Deadlines;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actor;
import io.firebreak.response.domain.roles.RoleDirection;
import io.firebreak.response.model.ResponseRecord;
import io.firebreak.response.model.ResponseStatus;
import io.firebreak.response.model.roles.IncidentRoleKind;
import io.firebreak.response.model.runbook.ChecklistItem;
import io.firebreak.response.model.runbook.Runbook;
import io.firebreak.response.model.runbook.RunbookItem;
import io.firebreak.response.persistence.ResponseRecordRepository;
import io.firebreak.response.persistence.runbook.RunbookRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Role runbooks: versioned checklists per role and priority (an admin publishes a new version; none is
 * ever changed). When a role of an incident is first accepted, the latest version for the incident's
 * priority becomes the role's checklist; the holder (or whoever directs) ticks items; a critical item
 * with a due time that passes unticked publishes {@code runbook.item_overdue} for the holder and the
 * commander. The checklist belongs to the role, not the person: a handover keeps it.
 */
@ApplicationScoped
public class Runbooks {

    public static final String ITEM_DUE = "response.checklist-item-due";
    static final int MAX_ITEMS = 50;

    private final Reminders reminders;
    private final RunbookRepository runbooks;
    private final ResponseRecordRepository records;
    private final RoleDirection direction;
    private final Deadlines deadlines;
    private final Outbox outbox;
    private final Clock clock;

    public Runbooks(RunbookRepository runbooks, ResponseRecordRepository records, RoleDirection direction, Deadlines deadlines, Outbox outbox,
                    Clock clock, Reminders reminders) {
        this.reminders = reminders;
        this.runbooks = runbooks;
        this.records = records;
        this.direction = direction;
        this.deadlines = deadlines;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The latest version of every runbook. */
    @WithSession
    public Uni<List<Runbook>> current() {
        return runbooks.all().map(all -> {
            Map<String, Runbook> latest = new LinkedHashMap<>();
            for (Runbook r : all) {
                latest.putIfAbsent(r.role + "/" + r.priority, r);
            }
            return List.copyOf(latest.values());
        });
    }

    @WithSession
    public Uni<List<Runbook>> versions(IncidentRoleKind role, Priority priority) {
        return runbooks.versions(role, priority);
    }

    /** A new version of a role's runbook at a priority. */
    @WithTransaction
    public Uni<Runbook> publish(Actor actor, IncidentRoleKind role, Priority priority, List<RunbookItem> items) {
        List<Violation> v = check(items);
        if (!v.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(v));
        }
        return runbooks.latest(role, priority).chain(latest -> {
            Runbook r = new Runbook();
            r.id = UUID.randomUUID();
            r.role = role;
            r.priority = priority;
            r.version = latest == null ? 1 : latest.version + 1;
            r.items = items.stream().map(i -> new RunbookItem(i.key().strip(), i.text().strip(), i.critical(), i.dueMinutes())).toList();
            r.createdBy = actor.user();
            r.createdAt = now();
            return runbooks.persist(r);
        });
    }

    /** Inside the acceptance's transaction: the role's checklist, the first time the role is taken in this incident. */
    public Uni<Void> instantiate(ResponseRecord record, IncidentRoleKind role, Instant acceptedAt) {
        return runbooks.itemsOf(record.incidentId, role).chain(count -> count > 0 ? Uni.createFrom().voidItem()
                : runbooks.latest(role, record.priority).chain(book -> {
                    if (book == null) {
                        return Uni.createFrom().voidItem();
                    }
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (RunbookItem i : book.items) {
                        ChecklistItem c = new ChecklistItem();
                        c.id = UUID.randomUUID();
                        c.incidentId = record.incidentId;
                        c.role = role;
                        c.runbookId = book.id;
                        c.runbookVersion = book.version;
                        c.itemKey = i.key();
                        c.text = i.text();
                        c.critical = i.critical();
                        c.dueAt = i.dueMinutes() == null ? null : acceptedAt.plus(Duration.ofMinutes(i.dueMinutes())).truncatedTo(ChronoUnit.MICROS);
                        chain = chain.chain(() -> runbooks.persistItem(c)).chain(saved -> saved.critical && saved.dueAt != null
                                ? deadlines.schedule(ITEM_DUE, saved.id.toString(), saved.dueAt, null) : Uni.createFrom().voidItem());
                    }
                    return chain;
                }));
    }

    @WithSession
    public Uni<List<ChecklistItem>> checklist(UUID incidentId) {
        return records.findById(incidentId).chain(r -> r == null ? Uni.createFrom().failure(ProblemException.notFound("Incident", incidentId))
                : runbooks.checklist(incidentId));
    }

    /** Ticks an item: the role's current holder, or whoever directs the incident. */
    @WithTransaction
    public Uni<ChecklistItem> tick(Actor actor, UUID incidentId, UUID itemId) {
        return records.locked(incidentId).chain(record -> {
            if (record == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Incident", incidentId));
            }
            return runbooks.item(itemId).chain(item -> {
                if (item == null || !item.incidentId.equals(incidentId)) {
                    return Uni.createFrom().failure(ProblemException.notFound("Checklist item", itemId));
                }
                return direction.holders(incidentId, item.role).chain(holders -> holders.contains(actor.user()) ? Uni.createFrom().voidItem()
                        : direction.require(actor, record)).chain(() -> {
                    if (item.doneAt != null) {
                        return Uni.createFrom().failure(ProblemException.conflict("Ticked already by " + item.doneBy + " at " + item.doneAt));
                    }
                    item.doneAt = now();
                    item.doneBy = actor.user();
                    return deadlines.cancel(ITEM_DUE, item.id.toString()).replaceWith(item);
                });
            });
        });
    }

    Uni<Void> itemDue(UUID itemId) {
        return runbooks.item(itemId).chain(item -> item == null || item.doneAt != null ? Uni.createFrom().voidItem()
                : records.findById(item.incidentId).chain(record -> {
                    if (record == null || record.status == ResponseStatus.RESOLVED || record.status == ResponseStatus.CLOSED) {
                        return Uni.createFrom().voidItem();
                    }
                    Instant now = now();
                    item.overdueAt = now;
                    return direction.holders(item.incidentId, item.role).chain(holders -> direction.holders(item.incidentId,
                                    IncidentRoleKind.INCIDENT_COMMANDER)
                            .chain(commanders -> outbox.record(EventTypes.RUNBOOK_ITEM_OVERDUE, item.incidentId.toString(), new RunbookItemOverdue(
                                    item.incidentId, record.incidentKey, item.id, item.role.name(), item.itemKey, item.text, item.runbookVersion,
                                    item.dueAt, holders.isEmpty() ? null : holders.get(0), commanders.isEmpty() ? null : commanders.get(0), now,
                                    record.drill))
                                    .chain(() -> reminders.remind(record, new Reminders.Reminder("checklist item overdue",
                                            "\"" + item.text + "\" (" + item.role + ") was due at " + item.dueAt + ".", "checklist/" + item.id),
                                            java.util.Arrays.asList(holders.isEmpty() ? null : holders.get(0),
                                                    commanders.isEmpty() ? null : commanders.get(0)))))).replaceWithVoid();
                }));
    }

    static List<Violation> check(List<RunbookItem> items) {
        List<Violation> v = new ArrayList<>();
        if (items == null || items.isEmpty()) {
            v.add(new Violation("items", "at least one item"));
            return v;
        }
        if (items.size() > MAX_ITEMS) {
            v.add(new Violation("items", "at most " + MAX_ITEMS));
            return v;
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            RunbookItem item = items.get(i);
            if (item == null || item.key() == null || !item.key().strip().matches("[a-z0-9][a-z0-9-]{0,59}")) {
                v.add(new Violation("items[" + i + "].key", "lower-case letters, digits and dashes, at most 60"));
            } else if (!keys.add(item.key().strip())) {
                v.add(new Violation("items[" + i + "].key", "is used twice"));
            }
            if (item == null || item.text() == null || item.text().isBlank() || item.text().length() > 500) {
                v.add(new Violation("items[" + i + "].text", "is required, at most 500 characters"));
            }
            if (item != null && item.dueMinutes() != null && (item.dueMinutes() < 1 || item.dueMinutes() > 1_440)) {
                v.add(new Violation("items[" + i + "].dueMinutes", "between 1 and 1440"));
            }
        }
        return v;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** A critical checklist item came due (subject: the item id). */
    @ApplicationScoped
    public static class ItemDue implements DeadlineHandler {

        private final Runbooks runbooks;

        public ItemDue(Runbooks runbooks) {
            this.runbooks = runbooks;
        }

        @Override
        public String kind() {
            return ITEM_DUE;
        }

        @Override
        public Uni<Void> fire(Deadline deadline) {
            return runbooks.itemDue(UUID.fromString(deadline.subject()));
        }
    }
}
