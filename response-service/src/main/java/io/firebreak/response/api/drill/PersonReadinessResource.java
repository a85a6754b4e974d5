package io.firebreak.response.api.drill;

import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.firebreak.response.domain.drill.Readiness;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A person's drill records. */
@Path("/api/v1/response/people/{person}/readiness")
@Produces(MediaType.APPLICATION_JSON)
public class PersonReadinessResource {

    private final Readiness readiness;
    private final Actors actors;

    public PersonReadinessResource(Readiness readiness, Actors actors) {
        this.readiness = readiness;
        this.actors = actors;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "A person's drill records, newest first: the person, managers of their teams, auditors and admins")
    public Uni<List<DrillResource.ReadinessView>> person(@PathParam("person") String person) {
        return readiness.ofPerson(actors.current(), person).map(list -> list.stream().map(DrillResource.ReadinessView::of).toList());
    }
}
