package io.firebreak.review.api;

import io.firebreak.platform.access.IncidentScoped;
import io.firebreak.platform.problem.PathIds;
import io.firebreak.platform.security.Roles;
import io.firebreak.review.domain.postmortems.RoleData;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** An incident's role data for its post-mortem: who held each role when, handovers, bridge decisions. */
@Path("/api/v1/review/incidents/{id}/role-data")
@Produces(MediaType.APPLICATION_JSON)
@IncidentScoped
public class RoleDataResource {

    private final RoleData roleData;

    public RoleDataResource(RoleData roleData) {
        this.roleData = roleData;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER,
            Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Who held each role when (page → acceptance), the handovers with their brief version, and bridge decisions"
            + " with their latency from declaration")
    public Uni<RoleData.View> get(@PathParam("id") String id) {
        return roleData.of(PathIds.uuid("Incident", id));
    }
}
