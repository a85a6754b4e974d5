package io.firebreak.response.domain.roles;

import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.security.Actor;
import io.firebreak.platform.security.Roles;
import io.firebreak.response.model.ResponseRecord;
import io.firebreak.response.model.roles.AssignmentStatus;
import io.firebreak.response.model.roles.IncidentRole;
import io.firebreak.response.model.roles.IncidentRoleKind;
import io.firebreak.response.persistence.roles.IncidentRoleRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Who may direct an incident: an admin; the incident's accepted incident commander; or, while nobody
 * has accepted command, anyone with the incident-commander role. One rule for roles, bridge,
 * handovers and checklists.
 */
@ApplicationScoped
public class RoleDirection {

    private final IncidentRoleRepository roles;

    public RoleDirection(IncidentRoleRepository roles) {
        this.roles = roles;
    }

    /** Who holds a role of the incident now (accepted), oldest first. */
    public Uni<List<String>> holders(UUID incidentId, IncidentRoleKind role) {
        return roles.active(incidentId, role).map(list -> list.stream().filter(r -> r.status == AssignmentStatus.ACCEPTED)
                .map(r -> r.person).toList());
    }

    public Uni<Void> require(Actor actor, ResponseRecord record) {
        if (actor.isAdmin()) {
            return Uni.createFrom().voidItem();
        }
        return roles.active(record.incidentId, IncidentRoleKind.INCIDENT_COMMANDER).chain(active -> {
            IncidentRole commander = active.stream().filter(r -> r.status == AssignmentStatus.ACCEPTED).findFirst().orElse(null);
            boolean allowed = commander != null ? commander.person.equals(actor.user()) : actor.has(Roles.INCIDENT_COMMANDER);
            return allowed ? Uni.createFrom().voidItem() : Uni.createFrom().failure(ProblemException.forbidden(
                    "Roles of " + record.incidentKey + " are directed by " + (commander != null ? "its incident commander, " + commander.person
                            : "an incident commander") + ", or an admin"));
        });
    }
}
