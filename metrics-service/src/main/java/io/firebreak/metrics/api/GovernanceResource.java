package io.firebreak.metrics.api;

import io.firebreak.metrics.domain.facts.Governance;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The quarterly governance review of the incident-management policies. */
@Path("/api/v1/metrics/governance/reviews")
@Produces(MediaType.APPLICATION_JSON)
public class GovernanceResource {

    private final Governance governance;
    private final Actors actors;

    public GovernanceResource(Governance governance, Actors actors) {
        this.governance = governance;
        this.actors = actors;
    }

    @PUT
    @Path("/{quarter}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EXECUTIVE, Roles.ADMIN})
    @Operation(summary = "Records (or amends) the quarter's review: heldAt, policies [{name, version}], stakeholderFeedback, decisions"
            + " [{decision, owner, due}]; 201 when new, 200 when amended")
    public Uni<Response> record(@PathParam("quarter") String quarter, Governance.ReviewInput input) {
        return governance.record(quarter, input, actors.current()).chain(created -> governance.view(quarter)
                .map(view -> Response.status(created ? 201 : 200).entity(view).build()));
    }

    @GET
    @Path("/{quarter}")
    @RolesAllowed({Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The quarter's review (null until recorded) and the responder feedback of its resolved P1/P2s: invited, answered,"
            + " average rating, rating counts, comments without names or incident keys")
    public Uni<Governance.QuarterView> get(@PathParam("quarter") String quarter) {
        return governance.view(quarter);
    }
}
