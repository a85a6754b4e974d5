package io.firebreak.platform.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.events.EventTypes;
import io.firebreak.events.IncidentRestrictionChanged;
import io.firebreak.events.PageTriggered;
import io.firebreak.events.WarRoomMemberChanged;
import io.firebreak.platform.inbox.CloudEventEnvelope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps a service's copy of who may see each incident, from response's events, inside the consumer's
 * inbox transaction: war-room joins and removals, a paged person joining with {@code page.triggered},
 * restriction and its lifting (the restricted event names the members at that moment, so a service
 * that missed earlier joins still knows the whole room). Every service but response calls it for each
 * event of response's topic; events it does not concern pass untouched.
 */
@ApplicationScoped
public class AccessProjection {

    private final IncidentAccess access;
    private final ObjectMapper mapper;

    public AccessProjection(IncidentAccess access, ObjectMapper mapper) {
        this.access = access;
        this.mapper = mapper;
    }

    /** The event types {@link #apply} acts on (a consumer may skip every other type without its inbox). */
    public static final java.util.Set<String> TYPES = java.util.Set.of(EventTypes.WARROOM_MEMBER_ADDED, EventTypes.WARROOM_MEMBER_REMOVED,
            EventTypes.WARROOM_RESTRICTED, EventTypes.WARROOM_RESTRICTION_LIFTED, EventTypes.PAGE_TRIGGERED);

    /** Applies one event of response's topic; answers whether it changed who may see an incident. */
    public Uni<Boolean> apply(CloudEventEnvelope event) {
        String type = event.type();
        if (EventTypes.WARROOM_MEMBER_ADDED.equals(type)) {
            WarRoomMemberChanged m = event.data(mapper, WarRoomMemberChanged.class);
            return access.admit(m.incidentId(), m.person(), MemberKind.valueOf(m.kind()), m.by(), m.at());
        }
        if (EventTypes.WARROOM_MEMBER_REMOVED.equals(type)) {
            WarRoomMemberChanged m = event.data(mapper, WarRoomMemberChanged.class);
            return access.remove(m.incidentId(), m.person());
        }
        if (EventTypes.WARROOM_RESTRICTED.equals(type)) {
            IncidentRestrictionChanged r = event.data(mapper, IncidentRestrictionChanged.class);
            Uni<Boolean> members = Uni.createFrom().item(false);
            for (String person : r.members()) {
                members = members.chain(() -> access.enrol(r.incidentId(), person, MemberKind.RESPONDER, r.by(), r.at()));
            }
            return members.chain(() -> access.restrict(r.incidentId(), r.by(), r.reason() == null ? "" : r.reason(), r.at()));
        }
        if (EventTypes.WARROOM_RESTRICTION_LIFTED.equals(type)) {
            return access.lift(event.data(mapper, IncidentRestrictionChanged.class).incidentId());
        }
        if (EventTypes.PAGE_TRIGGERED.equals(type)) {
            PageTriggered page = event.data(mapper, PageTriggered.class);
            return access.enrol(page.incidentId(), page.person(), MemberKind.PAGED, "firebreak", page.triggeredAt());
        }
        return Uni.createFrom().item(false);
    }
}
