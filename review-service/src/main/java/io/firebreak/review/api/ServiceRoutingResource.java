package io.firebreak.review.api;

import io.firebreak.platform.security.Roles;
import io.firebreak.review.domain.postmortems.Trackers;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Business services as review knows them from the catalog's events: which team's action items and tracker they belong to. */
@Path("/api/v1/review/services")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceRoutingResource {

    private final Trackers trackers;

    public ServiceRoutingResource(Trackers trackers) {
        this.trackers = trackers;
    }

    /** Where a service's action items go. */
    public record RoutingView(String service, String owningTeam, String trackerKind, UUID trackerId) {
    }

    @GET
    @Path("/{name}")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER,
            Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "A business service as review knows it from the catalog's events: the team owning its action items and"
            + " whether that team's tracker is set")
    public Uni<RoutingView> service(@PathParam("name") String name) {
        return trackers.routing(name).map(r -> new RoutingView(r.service(), r.owningTeam(), r.tracker() == null ? null : r.tracker().kind,
                r.tracker() == null ? null : r.tracker().id));
    }
}
