package io.firebreak.change.api;

import io.firebreak.change.domain.freeze.FreezeCalendar;
import io.firebreak.platform.problem.PathIds;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Code-freeze windows: who declares them (change approvers, admins) and who reads them (everyone planning a change). */
@Path("/api/v1/change/freeze-windows")
@Produces(MediaType.APPLICATION_JSON)
public class FreezeWindowResource {

    private final FreezeCalendar calendar;
    private final Actors actors;

    public FreezeWindowResource(FreezeCalendar calendar, Actors actors) {
        this.calendar = calendar;
        this.actors = actors;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER,
            Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The freeze windows, by start")
    public Uni<List<ChangeViews.WindowView>> list() {
        return calendar.windows().map(l -> l.stream().map(ChangeViews.WindowView::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CHANGE_APPROVER, Roles.ADMIN})
    @Operation(summary = "Declare a freeze {name, startsAt, endsAt, services ([] = all), reason}")
    public Uni<Response> create(FreezeCalendar.WindowInput body) {
        if (body == null) {
            throw ProblemException.invalid(List.of(new Violation("body", "is required")));
        }
        return calendar.create(body, actors.current()).map(w -> Response.status(201).entity(ChangeViews.WindowView.of(w)).build());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.CHANGE_APPROVER, Roles.ADMIN})
    @Operation(summary = "Remove a freeze window")
    public Uni<Response> remove(@PathParam("id") String id) {
        return calendar.remove(PathIds.uuid("Freeze window", id)).map(x -> Response.noContent().build());
    }
}
