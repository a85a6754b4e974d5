package io.firebreak.response.api.oncall;

import io.firebreak.platform.problem.PathIds;
import io.firebreak.response.domain.oncall.Calendars;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** iCalendar feeds of on-call shifts, opened by a personal token (calendar applications cannot log in). */
@Path("/api/v1/response/calendars")
public class CalendarFeedResource {

    private final Calendars calendars;

    public CalendarFeedResource(Calendars calendars) {
        this.calendars = calendars;
    }

    @GET
    @Path("people/{person}.ics")
    @PermitAll
    @Produces("text/calendar")
    @Operation(summary = "The person's on-call shifts (past week, next 60 days) as iCalendar; the token is the person's own")
    public Uni<Response> person(@PathParam("person") String person, @QueryParam("token") String token) {
        return calendars.personFeed(person, token).map(CalendarFeedResource::ics);
    }

    @GET
    @Path("schedules/{id}.ics")
    @PermitAll
    @Produces("text/calendar")
    @Operation(summary = "A schedule's final schedule (past week, next 60 days) as iCalendar; any valid personal token")
    public Uni<Response> schedule(@PathParam("id") String id, @QueryParam("token") String token) {
        return calendars.scheduleFeed(PathIds.uuid("Schedule", id), token).map(CalendarFeedResource::ics);
    }

    private static Response ics(String body) {
        return Response.ok(body, "text/calendar; charset=utf-8").header("Cache-Control", "private, max-age=300")
                .header("Referrer-Policy", "no-referrer").build();
    }
}
