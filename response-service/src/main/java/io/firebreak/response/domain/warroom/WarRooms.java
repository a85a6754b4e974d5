package io.firebreak.response.domain.warroom;

import io.firebreak.events.EventTypes;
import io.firebreak.events.IncidentRestrictionChanged;
import io.firebreak.events.WarRoomMemberChanged;
import io.firebreak.platform.access.IncidentAccess;
import io.firebreak.platform.access.MemberKind;
import io.firebreak.platform.access.WarRoomMember;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.problem.FreeText;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.security.Actor;
import io.firebreak.response.domain.roles.RoleDirection;
import io.firebreak.response.model.ResponseRecord;
import io.firebreak.response.model.roles.AssignmentStatus;
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
import java.util.UUID;

/**
 * An incident's war room: who is in it, and whether the incident is restricted to it. The commander (or
 * an admin) adds responders and observers and removes people; everyone assigned a role or paged for the
 * incident joins by themselves. Every change is published, restricted events flagged, so every service
 * hides a restricted incident from the same people.
 */
@ApplicationScoped
public class WarRooms {

    private final IncidentAccess access;
    private final ResponseRecordRepository records;
    private final IncidentRoleRepository roles;
    private final RoleDirection direction;
    private final Outbox outbox;
    private final Clock clock;

    public WarRooms(IncidentAccess access, ResponseRecordRepository records, IncidentRoleRepository roles, RoleDirection direction,
                    Outbox outbox, Clock clock) {
        this.access = access;
        this.records = records;
        this.roles = roles;
        this.direction = direction;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The war room as its members and auditors see it. */
    public record State(ResponseRecord record, boolean restricted, List<WarRoomMember> members) {
    }

    @WithSession
    public Uni<State> of(UUID incidentId) {
        return record(incidentId).chain(record -> access.isRestricted(incidentId)
                .chain(restricted -> access.members(incidentId).map(members -> new State(record, restricted, members))));
    }

    /** Whether the person is in the war room (the live feed is for members). */
    @WithSession
    public Uni<Boolean> isMember(UUID incidentId, String person) {
        return access.isMember(incidentId, person);
    }

    /** Adds a responder or an observer, or changes which of the two someone is; the commander or an admin. */
    @WithTransaction
    public Uni<WarRoomMember> admit(Actor actor, UUID incidentId, String person, MemberKind kind) {
        if (kind != MemberKind.RESPONDER && kind != MemberKind.OBSERVER) {
            throw new IllegalArgumentException("people are added as RESPONDER or OBSERVER, not " + kind);
        }
        Instant now = now();
        return locked(incidentId).chain(record -> direction.require(actor, record)
                .chain(() -> access.admit(incidentId, person, kind, actor.user(), now))
                .call(changed -> changed ? published(EventTypes.WARROOM_MEMBER_ADDED, record, person, kind, actor.user(), now)
                        : Uni.createFrom().voidItem())
                .chain(() -> access.members(incidentId))
                .map(members -> members.stream().filter(m -> m.person().equals(person)).findFirst().orElseThrow()));
    }

    /** Removes someone from the war room; refused while they hold or are proposed for a role (release it first). */
    @WithTransaction
    public Uni<Void> remove(Actor actor, UUID incidentId, String person) {
        Instant now = now();
        return locked(incidentId).chain(record -> direction.require(actor, record)
                .chain(() -> roles.of(incidentId))
                .chain(assignments -> {
                    var held = assignments.stream().filter(r -> r.person.equals(person)
                            && (r.status == AssignmentStatus.ACCEPTED || r.status == AssignmentStatus.PROPOSED)).findFirst();
                    if (held.isPresent()) {
                        return Uni.createFrom().failure(ProblemException.conflict(person + " is " + held.get().status.name().toLowerCase()
                                + " for " + held.get().role + " of " + record.incidentKey + "; release the role before removing them"));
                    }
                    return access.members(incidentId);
                })
                .chain(members -> {
                    WarRoomMember member = members.stream().filter(m -> m.person().equals(person)).findFirst().orElse(null);
                    if (member == null) {
                        return Uni.createFrom().failure(ProblemException.notFound("War-room member " + person + " of", record.incidentKey));
                    }
                    return access.remove(incidentId, person)
                            .chain(() -> published(EventTypes.WARROOM_MEMBER_REMOVED, record, person, member.kind(), actor.user(), now));
                }));
    }

    /**
     * Restricts the incident to its war room (security or data-exposure cases). Whoever restricts it joins
     * the war room, so they keep sight of it; true if it was not restricted before.
     */
    @WithTransaction
    public Uni<Boolean> restrict(Actor actor, UUID incidentId, String reason) {
        Instant now = now();
        return locked(incidentId).chain(record -> direction.require(actor, record)
                .chain(() -> joined(record, actor.user(), MemberKind.RESPONDER, actor.user(), now))
                .chain(() -> access.restrict(incidentId, actor.user(), reason, now))
                .call(changed -> changed ? restrictionPublished(EventTypes.WARROOM_RESTRICTED, record, true, reason, actor.user(), now)
                        : Uni.createFrom().voidItem()));
    }

    /** Lifts the restriction; true if the incident was restricted. */
    @WithTransaction
    public Uni<Boolean> lift(Actor actor, UUID incidentId, String reason) {
        Instant now = now();
        return locked(incidentId).chain(record -> direction.require(actor, record)
                .chain(() -> access.lift(incidentId))
                .call(changed -> changed ? restrictionPublished(EventTypes.WARROOM_RESTRICTION_LIFTED, record, false, reason, actor.user(), now)
                        : Uni.createFrom().voidItem()));
    }

    /** Inside the caller's transaction: the person joins by being assigned a role or paged; published when new. */
    public Uni<Void> joined(ResponseRecord record, String person, MemberKind kind, String by, Instant at) {
        return joined(record.incidentId, record.incidentKey, record.drill, person, kind, by, at);
    }

    /**
     * Inside paging's transaction: a paged person joins. Not published on its own — {@code page.triggered} names
     * the person already, and consumers count it as joining — so the paging path records one row, not an event.
     */
    public Uni<Void> paged(UUID incidentId, String person, Instant at) {
        return access.enrol(incidentId, person, MemberKind.PAGED, "firebreak", at).replaceWithVoid();
    }

    public Uni<Void> joined(UUID incidentId, String incidentKey, boolean drill, String person, MemberKind kind, String by, Instant at) {
        return access.enrol(incidentId, person, kind, by, at).chain(added -> added
                ? outbox.record(EventTypes.WARROOM_MEMBER_ADDED, incidentId.toString(),
                        new WarRoomMemberChanged(incidentId, incidentKey, person, kind.name(), by, at, drill)).replaceWithVoid()
                : Uni.createFrom().voidItem());
    }

    private Uni<Void> published(String type, ResponseRecord record, String person, MemberKind kind, String by, Instant at) {
        return outbox.record(type, record.incidentId.toString(), new WarRoomMemberChanged(record.incidentId, record.incidentKey, person,
                kind.name(), by, at, record.drill)).replaceWithVoid();
    }

    private Uni<Void> restrictionPublished(String type, ResponseRecord record, boolean restricted, String reason, String by, Instant at) {
        return access.members(record.incidentId).chain(members -> outbox.record(type, record.incidentId.toString(),
                new IncidentRestrictionChanged(record.incidentId, record.incidentKey, restricted, FreeText.orNull(reason), by, at,
                        members.stream().map(WarRoomMember::person).toList(), record.drill))).replaceWithVoid();
    }

    private Uni<ResponseRecord> record(UUID incidentId) {
        return records.findById(incidentId).onItem().ifNull().failWith(() -> ProblemException.notFound("Incident", incidentId));
    }

    private Uni<ResponseRecord> locked(UUID incidentId) {
        return records.locked(incidentId).onItem().ifNull().failWith(() -> ProblemException.notFound("Incident", incidentId));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
