package io.firebreak.change.api;

import io.firebreak.change.domain.incidents.ChangeProjection;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The catalog as change knows it from classification's events: what root-cause alignment and target checks use. */
@Path("/api/v1/change/services/{name}")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogServiceResource {

    private final ChangeProjection projection;

    public CatalogServiceResource(ChangeProjection projection) {
        this.projection = projection;
    }

    public record ServiceView(String name, String owningTeam, List<String> dependsOn, Instant updatedAt) {
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER,
            Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "A business service and the services it depends on directly, as change learnt them")
    public Uni<ServiceView> get(@PathParam("name") String name) {
        return projection.knownService(name).map(s -> new ServiceView(s.name, s.owningTeam, s.dependsOn, s.updatedAt));
    }
}
