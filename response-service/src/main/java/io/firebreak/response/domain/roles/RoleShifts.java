package io.firebreak.response.domain.roles;

import io.firebreak.response.domain.reminders.Reminders;
import io.firebreak.events.EventTypes;
import io.firebreak.events.Priority;
import io.firebreak.events.RoleShiftEnding;
import io.firebreak.platform.deadline.Deadline;
import io.firebreak.platform.deadline.DeadlineHandler;
import io.firebreak.platform.deadline.Deadlines;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.response.config.ResponseConfig;
import io.firebreak.response.model.ResponseRecord;
import io.firebreak.response.model.ResponseStatus;
import io.firebreak.response.model.roles.AssignmentStatus;
import io.firebreak.response.model.roles.IncidentRole;
import io.firebreak.response.model.roles.IncidentRoleKind;
import io.firebreak.response.persistence.ResponseRecordRepository;
import io.firebreak.response.persistence.oncall.BusinessServiceRepository;
import io.firebreak.response.persistence.oncall.TeamRepository;
import io.firebreak.response.persistence.roles.IncidentRoleRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Extended incidents: one person holds a commander, comms or tech lead role for at most a shift (by
 * default 4 h on a P1, 8 h on a P2, 12 h otherwise, as the priority stood at acceptance). Before its
 * end the holder is reminded to hand over ({@code role.handover_due}); at its end, still held, the
 * commander and the owning team's manager hear of it ({@code role.shift_exceeded}). Both are durable
 * deadlines per assignment, cancelled when it ends.
 */
@ApplicationScoped
public class RoleShifts {

    public static final String REMINDER = "response.role-shift-reminder";
    public static final String EXCEEDED = "response.role-shift-exceeded";

    private final Reminders reminders;
    private final IncidentRoleRepository roles;
    private final ResponseRecordRepository records;
    private final BusinessServiceRepository services;
    private final TeamRepository teams;
    private final Deadlines deadlines;
    private final Outbox outbox;
    private final ResponseConfig.Shifts config;
    private final Clock clock;

    public RoleShifts(IncidentRoleRepository roles, ResponseRecordRepository records, BusinessServiceRepository services, TeamRepository teams,
                      Deadlines deadlines, Outbox outbox, ResponseConfig config, Clock clock, Reminders reminders) {
        this.reminders = reminders;
        this.roles = roles;
        this.records = records;
        this.services = services;
        this.teams = teams;
        this.deadlines = deadlines;
        this.outbox = outbox;
        this.config = config.shifts();
        this.clock = clock;
    }

    /** The longest shift in a single-holder role at this priority. */
    public static Duration maxShift(Priority priority, ResponseConfig.Shifts config) {
        return switch (priority) {
            case P1 -> config.maxP1();
            case P2 -> config.maxP2();
            case P3, P4 -> config.maxOther();
        };
    }

    /** The holder accepted: their shift's reminder and end are scheduled (single-holder roles only). */
    Uni<Void> started(ResponseRecord record, IncidentRole r) {
        if (!r.role.single()) {
            return Uni.createFrom().voidItem();
        }
        Instant end = r.acceptedAt.plus(maxShift(record.priority, config));
        Instant reminder = end.minus(config.reminderBefore());
        return deadlines.schedule(REMINDER, r.id.toString(), reminder.isAfter(r.acceptedAt) ? reminder : r.acceptedAt, null)
                .chain(() -> deadlines.schedule(EXCEEDED, r.id.toString(), end, null));
    }

    /** The assignment ended: nothing more to remind. */
    Uni<Void> ended(IncidentRole r) {
        return deadlines.cancel(REMINDER, r.id.toString()).chain(() -> deadlines.cancel(EXCEEDED, r.id.toString())).replaceWithVoid();
    }

    Uni<Void> due(UUID assignmentId, boolean exceeded) {
        return roles.findById(assignmentId).chain(r -> r == null || r.status != AssignmentStatus.ACCEPTED ? Uni.createFrom().voidItem()
                : records.findById(r.incidentId).chain(record -> {
                    if (record == null || record.status == ResponseStatus.RESOLVED || record.status == ResponseStatus.CLOSED) {
                        return Uni.createFrom().voidItem();
                    }
                    Instant end = r.acceptedAt.plus(maxShift(record.priority, config));
                    Uni<String> commander = roles.active(r.incidentId, IncidentRoleKind.INCIDENT_COMMANDER).map(list -> list.stream()
                            .filter(a -> a.status == AssignmentStatus.ACCEPTED).map(a -> a.person).findFirst().orElse(null));
                    Uni<String> manager = !exceeded ? Uni.createFrom().nullItem() : services.findById(record.businessService)
                            .chain(s -> s == null || s.owningTeam == null ? Uni.createFrom().<String>nullItem()
                                    : teams.findById(s.owningTeam).map(t -> t == null ? null : t.manager));
                    return commander.chain(ic -> manager.chain(m -> outbox.record(exceeded ? EventTypes.ROLE_SHIFT_EXCEEDED
                            : EventTypes.ROLE_HANDOVER_DUE, r.incidentId.toString(), new RoleShiftEnding(r.incidentId, record.incidentKey, r.id,
                            r.role.name(), r.person, r.acceptedAt, end, ic, m, clock.instant().truncatedTo(ChronoUnit.MICROS), record.drill))
                            .chain(() -> reminders.remind(record, exceeded
                                    ? new Reminders.Reminder(r.role + " shift exceeded", r.person + " has held " + r.role + " past the maximum shift,"
                                            + " which ended at " + end + "; hand it over now.", "shift-exceeded/" + r.id)
                                    : new Reminders.Reminder(r.role + " shift ends soon", r.person + "'s shift as " + r.role + " ends at " + end
                                            + "; prepare the handover brief.", "handover-due/" + r.id),
                                    exceeded ? java.util.Arrays.asList(r.person, ic, m) : java.util.Arrays.asList(r.person, ic)))))
                            .replaceWithVoid();
                }));
    }

    /** The reminder before a shift's end (subject: the assignment id). */
    @ApplicationScoped
    public static class Reminder implements DeadlineHandler {

        private final RoleShifts shifts;

        public Reminder(RoleShifts shifts) {
            this.shifts = shifts;
        }

        @Override
        public String kind() {
            return REMINDER;
        }

        @Override
        public Uni<Void> fire(Deadline deadline) {
            return shifts.due(UUID.fromString(deadline.subject()), false);
        }
    }

    /** The end of a shift (subject: the assignment id). */
    @ApplicationScoped
    public static class Exceeded implements DeadlineHandler {

        private final RoleShifts shifts;

        public Exceeded(RoleShifts shifts) {
            this.shifts = shifts;
        }

        @Override
        public String kind() {
            return EXCEEDED;
        }

        @Override
        public Uni<Void> fire(Deadline deadline) {
            return shifts.due(UUID.fromString(deadline.subject()), true);
        }
    }
}
