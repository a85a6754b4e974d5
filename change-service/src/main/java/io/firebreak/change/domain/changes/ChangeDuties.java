package io.firebreak.change.domain.changes;

import io.firebreak.change.domain.incidents.ChangeProjection;
import io.firebreak.change.model.EmergencyChange;
import io.firebreak.change.persistence.ChangeRepository;
import io.firebreak.change.persistence.VcsRepository;
import io.firebreak.events.EventTypes;
import io.firebreak.platform.delivery.Reminders;
import io.firebreak.platform.deadline.Deadline;
import io.firebreak.platform.deadline.DeadlineHandler;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The duties after implementation falling due: validation (default 1 h) and retroactive documentation (default 24 h).
 * Overdue duties publish their event and remind the people concerned; at the documentation deadline a change with no
 * linked commit or deploy is flagged. Fired by the platform's deadlines, in the firing transaction.
 */
@ApplicationScoped
public class ChangeDuties {

    static final String SYSTEM = "firebreak";

    private final ChangeRepository changes;
    private final VcsRepository vcs;
    private final ChangeProjection projection;
    private final ChangeEvents events;
    private final Reminders reminders;

    public ChangeDuties(ChangeRepository changes, VcsRepository vcs, ChangeProjection projection, ChangeEvents events, Reminders reminders) {
        this.changes = changes;
        this.vcs = vcs;
        this.projection = projection;
        this.events = events;
        this.reminders = reminders;
    }

    @WithTransaction
    public Uni<Void> validationDue(UUID changeId, Instant at) {
        return changes.change(changeId).chain(c -> {
            if (c == null || c.validatedAt != null || !"IMPLEMENTED".equals(c.state)) {
                return Uni.createFrom().voidItem();
            }
            return projection.incident(c.incidentId).chain(i -> events.transition(EventTypes.CHANGE_VALIDATION_OVERDUE, i, c, SYSTEM, at, null,
                            c.validationDueAt, null)
                    .call(() -> reminders.remind(c.key() + "/validation", people(c), "[Firebreak] " + c.key() + " not validated",
                            c.key() + " (" + c.action + " on " + c.targetService + ", " + i.incidentKey + ") was implemented by " + c.implementer
                                    + " at " + c.implementedAt + " and is not validated; validation was due at " + c.validationDueAt
                                    + ".\nSomeone other than the implementer records the result and its evidence.")));
        });
    }

    @WithTransaction
    public Uni<Void> documentationDue(UUID changeId, Instant at) {
        return changes.change(changeId).chain(c -> {
            if (c == null) {
                return Uni.createFrom().voidItem();
            }
            return projection.incident(c.incidentId).chain(i -> vcs.linkedToChange(c.id).chain(links -> {
                Uni<Void> unlinked = links > 0 ? Uni.createFrom().voidItem()
                        : events.flag("UNLINKED_CHANGE", i, c, null, c.targetService, c.key() + " was implemented at " + c.implementedAt
                        + " and, at its documentation deadline, no commit or deploy references it", at).replaceWithVoid();
                if (c.documentedAt != null) {
                    return unlinked;
                }
                return unlinked.call(() -> events.transition(EventTypes.CHANGE_DOCUMENTATION_OVERDUE, i, c, SYSTEM, at, null, c.documentationDueAt, null))
                        .call(() -> reminders.remind(c.key() + "/documentation", people(c), "[Firebreak] " + c.key() + " documentation overdue",
                                "The retroactive documentation of " + c.key() + " (" + c.action + " on " + c.targetService + ", " + i.incidentKey
                                        + ") was due at " + c.documentationDueAt + ": the full change record, the tests done and the approvals."));
            }));
        });
    }

    private static List<String> people(EmergencyChange c) {
        return java.util.stream.Stream.of(c.requestedBy, c.implementer).filter(java.util.Objects::nonNull).distinct().toList();
    }

    /** {@value EmergencyChanges#VALIDATION_DEADLINE}. */
    @ApplicationScoped
    public static class ValidationDue implements DeadlineHandler {

        private final ChangeDuties duties;

        public ValidationDue(ChangeDuties duties) {
            this.duties = duties;
        }

        @Override
        public String kind() {
            return EmergencyChanges.VALIDATION_DEADLINE;
        }

        @Override
        public Uni<Void> fire(Deadline deadline) {
            return duties.validationDue(UUID.fromString(deadline.subject()), deadline.dueAt());
        }
    }

    /** {@value EmergencyChanges#DOCUMENTATION_DEADLINE}. */
    @ApplicationScoped
    public static class DocumentationDue implements DeadlineHandler {

        private final ChangeDuties duties;

        public DocumentationDue(ChangeDuties duties) {
            this.duties = duties;
        }

        @Override
        public String kind() {
            return EmergencyChanges.DOCUMENTATION_DEADLINE;
        }

        @Override
        public Uni<Void> fire(Deadline deadline) {
            return duties.documentationDue(UUID.fromString(deadline.subject()), deadline.dueAt());
        }
    }

    /** {@value EmergencyChanges#EFFECTIVENESS_DEADLINE}: the review's due time and each escalation after it. */
    @ApplicationScoped
    public static class EffectivenessDue implements DeadlineHandler {

        private final Effectiveness effectiveness;
        private final com.fasterxml.jackson.databind.ObjectMapper mapper;

        public EffectivenessDue(Effectiveness effectiveness, com.fasterxml.jackson.databind.ObjectMapper mapper) {
            this.effectiveness = effectiveness;
            this.mapper = mapper;
        }

        @Override
        public String kind() {
            return EmergencyChanges.EFFECTIVENESS_DEADLINE;
        }

        @Override
        public Uni<Void> fire(Deadline deadline) {
            int level;
            try {
                level = Math.max(1, mapper.readTree(deadline.payload()).path("level").asInt(1));
            } catch (java.io.IOException e) {
                level = 1;
            }
            return effectiveness.overdue(UUID.fromString(deadline.subject()), level, deadline.dueAt());
        }
    }

    /** {@value EmergencyChanges#EXCEPTION_DEADLINE}. */
    @ApplicationScoped
    public static class ExceptionExpiry implements DeadlineHandler {

        private final EmergencyChanges changes;

        public ExceptionExpiry(EmergencyChanges changes) {
            this.changes = changes;
        }

        @Override
        public String kind() {
            return EmergencyChanges.EXCEPTION_DEADLINE;
        }

        @Override
        public Uni<Void> fire(Deadline deadline) {
            return changes.exceptionExpired(UUID.fromString(deadline.subject()), deadline.dueAt());
        }
    }
}
