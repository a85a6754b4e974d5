package io.firebreak.response.persistence.roles;

import io.firebreak.response.model.roles.AssignmentStatus;
import io.firebreak.response.model.roles.IncidentRole;
import io.firebreak.response.model.roles.IncidentRoleKind;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class IncidentRoleRepository implements PanacheRepositoryBase<IncidentRole, UUID> {

    /** Every assignment of the incident, oldest first. */
    public Uni<List<IncidentRole>> of(UUID incidentId) {
        return list("incidentId = ?1 order by proposedAt, id", incidentId);
    }

    /** The proposed or held assignments of one role. */
    public Uni<List<IncidentRole>> active(UUID incidentId, IncidentRoleKind role) {
        return list("incidentId = ?1 and role = ?2 and status in ?3", incidentId, role,
                List.of(AssignmentStatus.PROPOSED, AssignmentStatus.ACCEPTED));
    }
}
