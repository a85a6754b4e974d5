package io.firebreak.response.api.oncall;

import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.firebreak.response.domain.oncall.Calendars;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The personal token that opens one's calendar feeds. */
@Path("/api/v1/response/me/calendar-token")
public class CalendarTokenResource {

    private final Calendars calendars;
    private final Actors actors;

    public CalendarTokenResource(Calendars calendars, Actors actors) {
        this.calendars = calendars;
        this.actors = actors;
    }

    public record CalendarTokenView(String token, String personFeed, String note) {
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "A new personal calendar token (shown once); the previous one stops working")
    public Uni<CalendarTokenView> newToken() {
        String person = actors.current().user();
        return calendars.newToken(person).map(token -> new CalendarTokenView(token,
                "/api/v1/response/calendars/people/" + person + ".ics?token=" + token,
                "Subscribe to the feed URL in your calendar application; anyone holding it sees your shifts. Revoke with DELETE."));
    }

    @DELETE
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Revoke your calendar token: every feed URL carrying it stops working")
    public Uni<Response> revoke() {
        return calendars.revoke(actors.current().user()).replaceWith(Response.noContent().build());
    }

}
