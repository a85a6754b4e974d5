package io.firebreak.response.domain.roles;

import io.firebreak.platform.access.MemberKind;
import io.firebreak.response.domain.warroom.WarRooms;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.events.EventTypes;
import io.firebreak.events.RoleAssigned;
import io.firebreak.events.RoleReleased;
import io.firebreak.platform.audit.AuditLog;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.problem.Problem;
import io.firebreak.platform.problem.FreeText;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actor;
import io.firebreak.response.domain.oncall.Qualifications;
import io.firebreak.response.domain.runbook.Runbooks;
import io.firebreak.response.model.ResponseRecord;
import io.firebreak.response.model.ResponseStatus;
import io.firebreak.response.model.roles.AssignmentStatus;
import io.firebreak.response.model.roles.IncidentRole;
import io.firebreak.response.model.roles.IncidentRoleKind;
import io.firebreak.response.persistence.ResponseRecordRepository;
import io.firebreak.response.persistence.roles.IncidentRoleRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The roles of a running incident. A role is proposed — to the on-call holder paged for it, or by the
 * incident commander — and held only once the person accepts it ({@code role.assigned}); its end is
 * published too ({@code role.released}). Incident commander, comms lead and tech lead have one person
 * at a time; experts and scribes may be several. Who directs the roles: the incident's accepted
 * incident commander, an admin, or — while nobody has accepted command — anyone with the
 * incident-commander role.
 */
@ApplicationScoped
public class IncidentRoles {

    static final String OVERRIDES_CHAIN = "role-overrides";

    private final IncidentRoleRepository roles;
    private final ResponseRecordRepository records;
    private final Qualifications qualifications;
    private final Outbox outbox;
    private final AuditLog audit;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final RoleShifts shifts;
    private final RoleDirection direction;
    private final Runbooks runbooks;

    private final WarRooms warRooms;

    public IncidentRoles(IncidentRoleRepository roles, ResponseRecordRepository records, Qualifications qualifications, Outbox outbox,
                         AuditLog audit, ObjectMapper mapper, Clock clock, RoleShifts shifts, RoleDirection direction, Runbooks runbooks,
                         WarRooms warRooms) {
        this.warRooms = warRooms;
        this.shifts = shifts;
        this.direction = direction;
        this.runbooks = runbooks;
        this.roles = roles;
        this.records = records;
        this.qualifications = qualifications;
        this.outbox = outbox;
        this.audit = audit;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** What an assignment asks for: the role, the person, and an admin's justification to override a missing qualification. */
    public record Assignment(IncidentRoleKind role, String person, String justification) {
    }

    @WithSession
    public Uni<List<IncidentRole>> of(UUID incidentId) {
        return records.findById(incidentId).chain(r -> r == null
                ? Uni.createFrom().failure(ProblemException.notFound("Incident", incidentId)) : roles.of(incidentId));
    }

    /**
     * Proposes a role to a person, by the incident commander (or admin). Someone merely proposed for a
     * single-holder role is replaced (their proposal withdrawn); someone who accepted it is not — a held
     * role changes hands by handover. A person without the role's valid qualification is refused (422)
     * unless an admin overrides with a justification, which is recorded and audited.
     */
    @WithTransaction
    public Uni<IncidentRole> assign(Actor actor, UUID incidentId, Assignment a) {
        Instant now = now();
        return lockedRecord(incidentId).chain(record -> requireDirector(actor, record)
                .chain(() -> requireQualified(actor, a, now))
                .chain(overridden -> roles.active(incidentId, a.role()).chain(active -> {
                    if (active.stream().anyMatch(r -> r.person.equals(a.person()))) {
                        return Uni.createFrom().failure(ProblemException.conflict(a.person() + " is already " + a.role()
                                + " of " + record.incidentKey));
                    }
                    Uni<Void> room = Uni.createFrom().voidItem();
                    if (a.role().single()) {
                        for (IncidentRole r : active) {
                            if (r.status == AssignmentStatus.ACCEPTED) {
                                return Uni.createFrom().failure(ProblemException.conflict(r.person + " holds " + a.role() + " of "
                                        + record.incidentKey + "; a held role changes hands by handover"));
                            }
                            room = room.chain(() -> withdraw(r, actor.user(), "replaced by " + a.person(), now));
                        }
                    }
                    return room.chain(() -> propose(record, a.role(), a.person(), "MANUAL", null, null, actor.user(), now,
                            overridden ? actor.user() : null, overridden ? a.justification().strip() : null));
                })));
    }

    /**
     * Inside paging's transaction: the person just paged for an on-call role is proposed for the incident's
     * role, unless someone holds it; an earlier rotation proposal nobody accepted gives way (escalation).
     */
    public Uni<Void> pagedForRole(UUID incidentId, IncidentRoleKind role, String person, UUID pageId, Instant paged) {
        Instant pagedAt = paged.truncatedTo(ChronoUnit.MICROS);
        return records.findById(incidentId).chain(record -> record == null ? Uni.createFrom().voidItem()
                : roles.active(incidentId, role).chain(active -> {
                    if (active.stream().anyMatch(r -> r.status == AssignmentStatus.ACCEPTED || r.person.equals(person))) {
                        return Uni.createFrom().voidItem();
                    }
                    Uni<Void> room = Uni.createFrom().voidItem();
                    for (IncidentRole r : active) {
                        room = room.chain(() -> withdraw(r, "firebreak", "escalated to " + person, pagedAt));
                    }
                    return room.chain(() -> propose(record, role, person, "ROTATION", pageId, pagedAt, "firebreak", pagedAt, null, null))
                            .replaceWithVoid();
                }));
    }

    /** The proposed person takes the role: from now they hold it, and it is published. */
    @WithTransaction
    public Uni<IncidentRole> accept(Actor actor, UUID incidentId, UUID assignmentId) {
        Instant now = now();
        return lockedRecord(incidentId).chain(record -> find(incidentId, assignmentId).chain(r -> {
            if (!r.person.equals(actor.user())) {
                return Uni.createFrom().failure(ProblemException.forbidden("Only " + r.person + " can accept this role"));
            }
            if (r.status != AssignmentStatus.PROPOSED) {
                return Uni.createFrom().failure(ProblemException.conflict("This assignment is " + r.status + "; only a proposed one is accepted"));
            }
            r.status = AssignmentStatus.ACCEPTED;
            r.acceptedAt = now;
            return shifts.started(record, r).chain(() -> runbooks.instantiate(record, r.role, now)).chain(() -> outbox.record(EventTypes.ROLE_ASSIGNED, incidentId.toString(), new RoleAssigned(incidentId, record.incidentKey, r.id,
                    r.role.name(), r.person, r.source, r.proposedBy, r.proposedAt, r.pageId, r.pagedAt, now, r.overrideBy,
                    r.overrideJustification, record.drill))).replaceWith(r);
        }));
    }

    /**
     * Ends an assignment: by its person or whoever directs the roles. A held incident commander, comms
     * lead or tech lead role is only let go once the response is resolved — before that it is handed over.
     */
    @WithTransaction
    public Uni<IncidentRole> release(Actor actor, UUID incidentId, UUID assignmentId, String reason) {
        Instant now = now();
        return lockedRecord(incidentId).chain(record -> find(incidentId, assignmentId).chain(r -> {
            Uni<Void> allowed = r.person.equals(actor.user()) ? Uni.createFrom().voidItem() : requireDirector(actor, record);
            return allowed.chain(() -> {
                if (!r.status.active()) {
                    return Uni.createFrom().failure(ProblemException.conflict("This assignment is " + r.status + " already"));
                }
                if (r.status == AssignmentStatus.PROPOSED) {
                    return withdraw(r, actor.user(), reason, now).replaceWith(r);
                }
                boolean over = record.status == ResponseStatus.RESOLVED || record.status == ResponseStatus.CLOSED;
                if (r.role.single() && !over) {
                    return Uni.createFrom().failure(ProblemException.conflict(r.role + " is held until the incident is resolved;"
                            + " before that it changes hands by handover"));
                }
                r.status = AssignmentStatus.RELEASED;
                r.endedAt = now;
                r.endedBy = actor.user();
                r.endReason = FreeText.orNull(reason);
                return shifts.ended(r).chain(() -> outbox.record(EventTypes.ROLE_RELEASED, incidentId.toString(), new RoleReleased(incidentId,
                        record.incidentKey, r.id, r.role.name(), r.person, r.acceptedAt, now, actor.user(), r.endReason, record.drill)))
                        .replaceWith(r);
            });
        }));
    }

    private Uni<IncidentRole> propose(ResponseRecord record, IncidentRoleKind role, String person, String source, UUID pageId,
                                      Instant pagedAt, String by, Instant now, String overrideBy, String justification) {
        IncidentRole r = new IncidentRole();
        r.id = UUID.randomUUID();
        r.incidentId = record.incidentId;
        r.role = role;
        r.person = person;
        r.status = AssignmentStatus.PROPOSED;
        r.source = source;
        r.pageId = pageId;
        r.pagedAt = pagedAt;
        r.proposedBy = by;
        r.proposedAt = now;
        r.overrideBy = overrideBy;
        r.overrideJustification = justification;
        // Withdrawals first: the one-holder index must not see the old and the new proposal at once.
        Uni<IncidentRole> saved = roles.flush().chain(() -> roles.persist(r))
                .call(() -> warRooms.joined(record, person, MemberKind.ROLE, by, now));
        if (overrideBy == null) {
            return saved;
        }
        return saved.call(() -> audit.append(OVERRIDES_CHAIN, mapper.valueToTree(Map.of("incidentId", record.incidentId.toString(),
                "assignmentId", r.id.toString(), "role", role.name(), "person", person, "overrideBy", overrideBy,
                "justification", justification, "at", now.toString()))));
    }

    private Uni<Void> withdraw(IncidentRole r, String by, String reason, Instant now) {
        r.status = AssignmentStatus.WITHDRAWN;
        r.endedAt = now;
        r.endedBy = by;
        r.endReason = FreeText.orNull(reason);
        return Uni.createFrom().voidItem();
    }

    /** Passes a qualified person (false) or an admin's justified override (true); refuses anyone else. */
    private Uni<Boolean> requireQualified(Actor actor, Assignment a, Instant now) {
        if (a.role().qualification() == null) {
            return Uni.createFrom().item(false);
        }
        return qualifications.qualifiedAt(a.person(), a.role().qualification(), now).chain(ok -> {
            if (ok) {
                return Uni.createFrom().item(false);
            }
            if (actor.isAdmin() && a.justification() != null && !a.justification().isBlank()) {
                return Uni.createFrom().item(true);
            }
            String how = actor.isAdmin() ? "an admin may override with a justification" : "only an admin may override, with a justification";
            return Uni.createFrom().failure(new ProblemException(Problem.of(422, "unqualified", "Not qualified for the role",
                    a.person() + " holds no valid " + a.role().qualification() + " qualification; " + how)
                    .withViolations(List.of(new Violation("person", "not qualified for " + a.role())))));
        });
    }

    /** Who holds a role of the incident now (accepted), oldest first. */
    public Uni<List<String>> holders(UUID incidentId, IncidentRoleKind role) {
        return direction.holders(incidentId, role);
    }

    /** Admin; the incident's accepted incident commander; or, while nobody has accepted command, an incident commander. */
    public Uni<Void> requireDirector(Actor actor, ResponseRecord record) {
        return direction.require(actor, record);
    }

    Uni<ResponseRecord> lockedRecord(UUID incidentId) {
        return records.locked(incidentId).onItem().ifNull().failWith(() -> ProblemException.notFound("Incident", incidentId));
    }

    Uni<IncidentRole> find(UUID incidentId, UUID assignmentId) {
        return roles.findById(assignmentId).chain(r -> r == null || !r.incidentId.equals(incidentId)
                ? Uni.createFrom().failure(ProblemException.notFound("Role assignment", assignmentId)) : Uni.createFrom().item(r));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
