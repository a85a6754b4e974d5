package io.firebreak.response.api.drill;

import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.firebreak.response.domain.drill.Readiness;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Readiness of role holders per team. */
@Path("/api/v1/response/readiness")
@Produces(MediaType.APPLICATION_JSON)
public class ReadinessResource {

    private final Readiness readiness;
    private final Actors actors;

    public ReadinessResource(Readiness readiness, Actors actors) {
        this.readiness = readiness;
        this.actors = actors;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Per team, the role holders whose quarterly drill is overdue or whose qualification lapses within 30 days"
            + " (everyone with ?all=true); a team's manager and members see it, auditors and admins every team")
    public Uni<List<Readiness.TeamReadiness>> teams(@QueryParam("team") String team, @QueryParam("all") @DefaultValue("false") boolean all) {
        return readiness.ofTeams(actors.current(), team == null || team.isBlank() ? null : team.strip(), all);
    }
}
