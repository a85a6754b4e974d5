package io.firebreak.response.api.paging;

import io.firebreak.platform.problem.PathIds;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.firebreak.response.domain.paging.Unavailabilities;
import io.firebreak.response.model.oncall.Unavailability;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Marking a person unavailable for paging: their succession is paged instead, at once. */
@Path("/api/v1/response/people/{person}/unavailability")
@Produces(MediaType.APPLICATION_JSON)
public class UnavailabilityResource {

    /** A mark as shown. */
    public record UnavailabilityView(UUID id, String person, Instant startsAt, Instant endsAt, String reason, String markedBy,
                                     Instant createdAt, Instant cancelledAt, String cancelledBy) {
        static UnavailabilityView of(Unavailability u) {
            return new UnavailabilityView(u.id, u.person, u.startsAt, u.endsAt, u.reason, u.markedBy, u.createdAt, u.cancelledAt,
                    u.cancelledBy);
        }
    }

    private final Unavailabilities unavailabilities;
    private final Actors actors;

    public UnavailabilityResource(Unavailabilities unavailabilities, Actors actors) {
        this.unavailabilities = unavailabilities;
        this.actors = actors;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The person's current and coming marks (withdrawn ones included)")
    public Uni<List<UnavailabilityView>> list(@PathParam("person") String person) {
        return unavailabilities.of(person).map(list -> list.stream().map(UnavailabilityView::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Mark the person unavailable from (default now) until; pages they hold pass on to their succession at once "
            + "(the person, a manager of one of their teams, or an admin)")
    public Uni<Response> mark(@PathParam("person") String person, Unavailabilities.Draft draft) {
        return unavailabilities.mark(actors.current(), person, draft)
                .map(u -> Response.status(201).entity(UnavailabilityView.of(u)).build());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Withdraw a mark (kept, cancelled); the same people may")
    public Uni<UnavailabilityView> cancel(@PathParam("person") String person, @PathParam("id") String id) {
        return unavailabilities.cancel(actors.current(), person, PathIds.uuid("Unavailability", id)).map(UnavailabilityView::of);
    }
}
