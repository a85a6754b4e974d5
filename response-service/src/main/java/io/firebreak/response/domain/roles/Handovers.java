package io.firebreak.response.domain.roles;

import io.firebreak.platform.access.MemberKind;
import io.firebreak.response.domain.warroom.WarRooms;
import io.firebreak.events.EventTypes;
import io.firebreak.events.RoleAssigned;
import io.firebreak.events.RoleHandedOver;
import io.firebreak.events.RoleReleased;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.problem.Problem;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actor;
import io.firebreak.response.domain.oncall.Qualifications;
import io.firebreak.response.model.ResponseRecord;
import io.firebreak.response.model.roles.IncidentRoleKind;
import io.firebreak.response.model.roles.AssignmentStatus;
import io.firebreak.response.model.roles.Handover;
import io.firebreak.response.model.roles.HandoverBrief;
import io.firebreak.response.model.roles.HandoverStatus;
import io.firebreak.response.model.roles.IncidentRole;
import io.firebreak.response.persistence.ResponseTransitionRepository;
import io.firebreak.response.persistence.roles.HandoverRepository;
import io.firebreak.response.persistence.roles.IncidentRoleRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Handovers: a held role changes hands only when the incoming person acknowledges the outgoing holder's
 * brief — the exact version they read. Until then the role stays where it is, whatever else happens.
 */
@ApplicationScoped
public class Handovers {

    static final int MAX_TEXT = 4_000;
    static final int MAX_ITEMS = 50;

    private final HandoverRepository handovers;
    private final IncidentRoleRepository assignments;
    private final ResponseTransitionRepository transitions;
    private final IncidentRoles roles;
    private final Qualifications qualifications;
    private final Outbox outbox;
    private final Clock clock;
    private final RoleShifts shifts;

    private final WarRooms warRooms;

    public Handovers(HandoverRepository handovers, IncidentRoleRepository assignments, ResponseTransitionRepository transitions,
                     IncidentRoles roles, Qualifications qualifications, Outbox outbox, Clock clock, RoleShifts shifts,
                     WarRooms warRooms) {
        this.warRooms = warRooms;
        this.shifts = shifts;
        this.handovers = handovers;
        this.assignments = assignments;
        this.transitions = transitions;
        this.roles = roles;
        this.qualifications = qualifications;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithSession
    public Uni<List<Handover>> of(UUID incidentId) {
        return roles.of(incidentId).chain(ignored -> handovers.of(incidentId));
    }

    /** A brief pre-filled from the incident's record, for the holder of the assignment (or whoever directs the roles). */
    @WithTransaction
    public Uni<HandoverBrief> draft(Actor actor, UUID incidentId, UUID assignmentId) {
        return roles.lockedRecord(incidentId).chain(record -> roles.find(incidentId, assignmentId).chain(a -> holderOrDirector(actor, record, a)
                .chain(() -> readIn(record)).map(readIn -> ReadInBriefs.draft(record, readIn.transitions(), readIn.roles()))));
    }

    /** The holder (or whoever directs the roles) offers the held role to {@code to}, with a brief; version 1. */
    @WithTransaction
    public Uni<Handover> offer(Actor actor, UUID incidentId, UUID assignmentId, String to, HandoverBrief brief) {
        Instant now = now();
        return roles.lockedRecord(incidentId).chain(record -> roles.find(incidentId, assignmentId).chain(a -> holderOrDirector(actor, record, a)
                .chain(() -> {
                    if (a.status != AssignmentStatus.ACCEPTED) {
                        return Uni.createFrom().failure(ProblemException.conflict("Only a held role is handed over; this assignment is " + a.status));
                    }
                    List<Violation> violations = check(brief);
                    if (to == null || to.isBlank()) {
                        violations.add(0, new Violation("to", "is required"));
                    } else if (to.strip().equals(a.person)) {
                        violations.add(0, new Violation("to", "is the holder already"));
                    }
                    if (!violations.isEmpty()) {
                        return Uni.createFrom().failure(ProblemException.invalid(violations));
                    }
                    return requireQualified(to.strip(), a, now).chain(() -> requireNotInRole(record, a.role, to.strip()))
                            .chain(() -> handovers.openFor(a.id)).chain(open -> {
                        if (open != null) {
                            return Uni.createFrom().failure(ProblemException.conflict("A handover of this role to " + open.toPerson
                                    + " is open already; revise or cancel it"));
                        }
                        return readIn(record).chain(readIn -> {
                            Handover h = new Handover();
                            h.id = UUID.randomUUID();
                            h.incidentId = incidentId;
                            h.fromAssignmentId = a.id;
                            h.role = a.role;
                            h.fromPerson = a.person;
                            h.toPerson = to.strip();
                            h.status = HandoverStatus.OFFERED;
                            h.brief = withReadIn(brief, ReadInBriefs.readIn(record, readIn.transitions(), readIn.roles()));
                            h.briefVersion = 1;
                            h.offeredBy = actor.user();
                            h.offeredAt = now;
                            h.briefUpdatedAt = now;
                            // The incoming holder must see the incident (restricted ones too) to read the brief.
                            return warRooms.joined(record, h.toPerson, MemberKind.ROLE, actor.user(), now)
                                    .chain(() -> handovers.persist(h));
                        });
                    });
                })));
    }

    /** A new version of the brief: whoever acknowledges must have read this one. */
    @WithTransaction
    public Uni<Handover> revise(Actor actor, UUID incidentId, UUID handoverId, HandoverBrief brief) {
        Instant now = now();
        return roles.lockedRecord(incidentId).chain(record -> find(incidentId, handoverId).chain(h -> roles.find(incidentId, h.fromAssignmentId)
                .chain(a -> holderOrDirector(actor, record, a)).chain(() -> {
                    requireOpen(h);
                    List<Violation> violations = check(brief);
                    if (!violations.isEmpty()) {
                        return Uni.createFrom().failure(ProblemException.invalid(violations));
                    }
                    return readIn(record).map(readIn -> {
                        h.brief = withReadIn(brief, ReadInBriefs.readIn(record, readIn.transitions(), readIn.roles()));
                        h.briefVersion++;
                        h.briefUpdatedAt = now;
                        return h;
                    });
                })));
    }

    /**
     * The incoming person acknowledges the brief version they read: the outgoing assignment is released,
     * theirs is held from now, and the handover is published with both people and the version.
     */
    @WithTransaction
    public Uni<Handover> acknowledge(Actor actor, UUID incidentId, UUID handoverId, int briefVersion) {
        Instant now = now();
        return roles.lockedRecord(incidentId).chain(record -> find(incidentId, handoverId).chain(h -> {
            if (!h.toPerson.equals(actor.user())) {
                return Uni.createFrom().failure(ProblemException.forbidden("Only " + h.toPerson + " acknowledges this handover"));
            }
            requireOpen(h);
            if (briefVersion != h.briefVersion) {
                return Uni.createFrom().failure(ProblemException.conflict("The brief is at version " + h.briefVersion + ", not "
                        + briefVersion + "; read it again before taking the role"));
            }
            return requireNotInRole(record, h.role, h.toPerson).chain(() -> roles.find(incidentId, h.fromAssignmentId)).chain(from -> {
                if (from.status != AssignmentStatus.ACCEPTED) {
                    return Uni.createFrom().failure(ProblemException.conflict("The outgoing assignment is " + from.status + "; nothing to take over"));
                }
                from.status = AssignmentStatus.RELEASED;
                from.endedAt = now;
                from.endedBy = h.fromPerson;
                from.endReason = "handed over to " + h.toPerson;
                IncidentRole next = new IncidentRole();
                next.id = UUID.randomUUID();
                next.incidentId = incidentId;
                next.role = h.role;
                next.person = h.toPerson;
                next.status = AssignmentStatus.ACCEPTED;
                next.source = "HANDOVER";
                next.proposedBy = h.offeredBy;
                next.proposedAt = h.offeredAt;
                next.acceptedAt = now;
                // The release first: the one-holder index must never see both holders. The handover points at the new
                // assignment only after that flush (inserts go before updates at commit).
                return assignments.flush().chain(() -> assignments.persist(next))
                        .call(() -> shifts.ended(from)).call(() -> shifts.started(record, next))
                        .invoke(() -> {
                            h.status = HandoverStatus.COMPLETED;
                            h.toAssignmentId = next.id;
                            h.acknowledgedAt = now;
                        })
                        .chain(() -> outbox.record(EventTypes.ROLE_RELEASED, incidentId.toString(), new RoleReleased(incidentId,
                                record.incidentKey, from.id, from.role.name(), from.person, from.acceptedAt, now, h.fromPerson, from.endReason,
                                record.drill)))
                        .chain(() -> outbox.record(EventTypes.ROLE_ASSIGNED, incidentId.toString(), new RoleAssigned(incidentId,
                                record.incidentKey, next.id, next.role.name(), next.person, next.source, next.proposedBy, next.proposedAt,
                                null, null, now, null, null, record.drill)))
                        .chain(() -> outbox.record(EventTypes.ROLE_HANDED_OVER, incidentId.toString(), new RoleHandedOver(incidentId,
                                record.incidentKey, h.id, h.role.name(), h.fromPerson, h.toPerson, from.id, next.id, h.briefVersion,
                                h.offeredAt, now, record.drill)))
                        .replaceWith(h);
            });
        }));
    }

    /** The offer is withdrawn (by the holder or whoever directs the roles); the role stays where it is. */
    @WithTransaction
    public Uni<Handover> cancel(Actor actor, UUID incidentId, UUID handoverId) {
        Instant now = now();
        return roles.lockedRecord(incidentId).chain(record -> find(incidentId, handoverId).chain(h -> roles.find(incidentId, h.fromAssignmentId)
                .chain(a -> holderOrDirector(actor, record, a)).map(ignored -> {
                    requireOpen(h);
                    h.status = HandoverStatus.CANCELLED;
                    h.cancelledAt = now;
                    h.cancelledBy = actor.user();
                    return h;
                })));
    }

    private record ReadIn(List<io.firebreak.response.model.ResponseTransition> transitions, List<IncidentRole> roles) {
    }

    private Uni<ReadIn> readIn(ResponseRecord record) {
        return transitions.of(record.incidentId).chain(ts -> assignments.of(record.incidentId).map(as -> new ReadIn(ts, as)));
    }

    private Uni<Void> holderOrDirector(Actor actor, ResponseRecord record, IncidentRole a) {
        return a.person.equals(actor.user()) && a.status.active() ? Uni.createFrom().voidItem() : roles.requireDirector(actor, record);
    }

    private Uni<Void> requireQualified(String person, IncidentRole a, Instant now) {
        if (a.role.qualification() == null) {
            return Uni.createFrom().voidItem();
        }
        return qualifications.qualifiedAt(person, a.role.qualification(), now).chain(ok -> ok ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(new ProblemException(Problem.of(422, "unqualified", "Not qualified for the role",
                        person + " holds no valid " + a.role.qualification() + " qualification to take the role over")
                        .withViolations(List.of(new Violation("to", "not qualified for " + a.role))))));
    }

    private static void requireOpen(Handover h) {
        if (h.status != HandoverStatus.OFFERED) {
            throw ProblemException.conflict("This handover is " + h.status);
        }
    }

    private Uni<Handover> find(UUID incidentId, UUID handoverId) {
        return handovers.findById(handoverId).chain(h -> h == null || !h.incidentId.equals(incidentId)
                ? Uni.createFrom().failure(ProblemException.notFound("Handover", handoverId)) : Uni.createFrom().item(h));
    }

    /** Field by field: the current status is required; lists are bounded; an action needs an owner, a decision its text. */
    static List<Violation> check(HandoverBrief b) {
        List<Violation> v = new ArrayList<>();
        if (b == null) {
            v.add(new Violation("brief", "is required"));
            return v;
        }
        if (b.currentStatus() == null || b.currentStatus().isBlank()) {
            v.add(new Violation("brief.currentStatus", "is required: where things stand"));
        } else if (b.currentStatus().length() > MAX_TEXT) {
            v.add(new Violation("brief.currentStatus", "at most " + MAX_TEXT + " characters"));
        }
        texts(v, "brief.hypotheses", b.hypotheses());
        texts(v, "brief.risks", b.risks());
        texts(v, "brief.openQuestions", b.openQuestions());
        List<HandoverBrief.Action> actions = b.actionsInFlight() == null ? List.of() : b.actionsInFlight();
        if (actions.size() > MAX_ITEMS) {
            v.add(new Violation("brief.actionsInFlight", "at most " + MAX_ITEMS + " items"));
        }
        for (int i = 0; i < Math.min(actions.size(), MAX_ITEMS); i++) {
            HandoverBrief.Action a = actions.get(i);
            if (a == null || a.action() == null || a.action().isBlank() || a.action().length() > MAX_TEXT) {
                v.add(new Violation("brief.actionsInFlight[" + i + "].action", "is required, at most " + MAX_TEXT + " characters"));
            }
            if (a == null || a.owner() == null || a.owner().isBlank()) {
                v.add(new Violation("brief.actionsInFlight[" + i + "].owner", "is required: who is doing it"));
            }
        }
        List<HandoverBrief.Decision> decisions = b.nextDecisions() == null ? List.of() : b.nextDecisions();
        if (decisions.size() > MAX_ITEMS) {
            v.add(new Violation("brief.nextDecisions", "at most " + MAX_ITEMS + " items"));
        }
        for (int i = 0; i < Math.min(decisions.size(), MAX_ITEMS); i++) {
            HandoverBrief.Decision d = decisions.get(i);
            if (d == null || d.decision() == null || d.decision().isBlank() || d.decision().length() > MAX_TEXT) {
                v.add(new Violation("brief.nextDecisions[" + i + "].decision", "is required, at most " + MAX_TEXT + " characters"));
            }
        }
        return v;
    }

    private static void texts(List<Violation> v, String field, List<String> list) {
        if (list == null) {
            return;
        }
        if (list.size() > MAX_ITEMS) {
            v.add(new Violation(field, "at most " + MAX_ITEMS + " items"));
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String s = list.get(i);
            if (s == null || s.isBlank() || s.length() > MAX_TEXT) {
                v.add(new Violation(field + "[" + i + "]", "must be text of at most " + MAX_TEXT + " characters"));
            }
        }
    }

    private static HandoverBrief withReadIn(HandoverBrief b, List<String> readIn) {
        return new HandoverBrief(b.currentStatus().strip(), orEmpty(b.hypotheses()), orEmpty(b.actionsInFlight()), orEmpty(b.nextDecisions()),
                orEmpty(b.risks()), orEmpty(b.openQuestions()), readIn);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Someone already holding (or proposed for) the role cannot take it over a second time (experts and scribes are several). */
    private Uni<Void> requireNotInRole(ResponseRecord record, IncidentRoleKind role, String person) {
        return assignments.active(record.incidentId, role).chain(active -> active.stream().anyMatch(r -> r.person.equals(person))
                ? Uni.createFrom().failure(ProblemException.conflict(person + " is already " + role + " of " + record.incidentKey))
                : Uni.createFrom().voidItem());
    }
}
