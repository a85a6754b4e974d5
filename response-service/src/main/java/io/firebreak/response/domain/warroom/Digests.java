package io.firebreak.response.domain.warroom;

import io.firebreak.events.Priority;
import io.firebreak.platform.access.IncidentAccess;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.response.model.ResponseStatus;
import io.firebreak.response.model.bridge.BridgeUpdate;
import io.firebreak.response.model.roles.AssignmentStatus;
import io.firebreak.response.persistence.ResponseRecordRepository;
import io.firebreak.response.persistence.bridge.BridgeRepository;
import io.firebreak.response.persistence.roles.IncidentRoleRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The digest of an incident for people outside its war room: status, priority, who holds which role and the
 * last update — enough to know where things stand, without the live detail members work with.
 */
@ApplicationScoped
public class Digests {

    private final ResponseRecordRepository records;
    private final IncidentRoleRepository roles;
    private final BridgeRepository bridges;
    private final IncidentAccess access;

    public Digests(ResponseRecordRepository records, IncidentRoleRepository roles, BridgeRepository bridges, IncidentAccess access) {
        this.records = records;
        this.roles = roles;
        this.bridges = bridges;
        this.access = access;
    }

    /** A role and its holder (accepted) or the person it waits for (proposed). */
    public record RoleHolder(String role, String person, boolean accepted) {
    }

    /** The latest word on the incident: a bridge update, or else its last status change. */
    public record LastUpdate(Instant at, String by, String text) {
    }

    public record Digest(UUID incidentId, String incidentKey, String title, String businessService, Priority priority, ResponseStatus status,
                         boolean drill, boolean restricted, List<RoleHolder> roles, LastUpdate lastUpdate, Instant nextUpdateDueAt,
                         int members) {
    }

    @WithSession
    public Uni<Digest> of(UUID incidentId) {
        return records.findById(incidentId).chain(r -> {
            if (r == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Incident", incidentId));
            }
            return roles.of(incidentId).chain(assignments -> bridges.findById(incidentId).chain(bridge -> bridges.updates(incidentId)
                    .chain(updates -> access.isRestricted(incidentId).chain(restricted -> access.members(incidentId).map(members -> {
                        List<RoleHolder> holders = assignments.stream()
                                .filter(a -> a.status == AssignmentStatus.ACCEPTED || a.status == AssignmentStatus.PROPOSED)
                                .map(a -> new RoleHolder(a.role.name(), a.person, a.status == AssignmentStatus.ACCEPTED)).toList();
                        BridgeUpdate last = updates.isEmpty() ? null : updates.get(updates.size() - 1);
                        LastUpdate lastUpdate = last != null && !last.recordedAt.isBefore(r.statusChangedAt)
                                ? new LastUpdate(last.recordedAt, last.recordedBy, last.status)
                                : new LastUpdate(r.statusChangedAt, null, "status " + r.status);
                        return new Digest(r.incidentId, r.incidentKey, r.title, r.businessService, r.priority, r.status, r.drill, restricted,
                                holders, lastUpdate, bridge == null ? null : bridge.nextCheckpointAt, members.size());
                    })))));
        });
    }
}
