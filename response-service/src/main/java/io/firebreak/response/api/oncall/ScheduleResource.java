package io.firebreak.response.api.oncall;

import io.firebreak.platform.problem.IfMatch;
import io.firebreak.platform.problem.PathIds;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.QueryParams;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.firebreak.response.api.oncall.OnCallViews.GapView;
import io.firebreak.response.api.oncall.OnCallViews.OverrideView;
import io.firebreak.response.api.oncall.OnCallViews.ScheduleView;
import io.firebreak.response.api.oncall.OnCallViews.ShiftView;
import io.firebreak.response.domain.oncall.Drafts;
import io.firebreak.response.domain.oncall.OnCallQueries;
import io.firebreak.response.domain.oncall.Schedules;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** One schedule: its definition, final schedule, gaps and overrides. */
@Path("/api/v1/response/schedules/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    private final Schedules schedules;
    private final OnCallQueries queries;
    private final Actors actors;

    public ScheduleResource(Schedules schedules, OnCallQueries queries, Actors actors) {
        this.schedules = schedules;
        this.queries = queries;
        this.actors = actors;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "A schedule's definition")
    public Uni<ScheduleView> get(@PathParam("id") String id) {
        return schedules.get(PathIds.uuid("Schedule", id)).map(ScheduleView::of);
    }

    @PUT
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Replace a schedule's definition (its team's manager, service owners or an admin)",
            description = "If-Match with the version read refuses a change made meanwhile (409).")
    public Uni<ScheduleView> update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, Drafts.ScheduleDraft draft) {
        return schedules.update(actors.current(), PathIds.uuid("Schedule", id), IfMatch.version(ifMatch), draft).map(ScheduleView::of);
    }

    @DELETE
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Delete a schedule (its team's manager, service owners or an admin)")
    public Uni<Response> delete(@PathParam("id") String id) {
        return schedules.delete(actors.current(), PathIds.uuid("Schedule", id)).replaceWith(Response.noContent().build());
    }

    @GET
    @Path("final")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Who is on call in [from, to): layers, restrictions and overrides resolved (at most 93 days)")
    public Uni<List<ShiftView>> finalSchedule(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
        return queries.finalSchedule(PathIds.uuid("Schedule", id), QueryParams.instant("from", from), QueryParams.instant("to", to))
                .map(list -> list.stream().map(ShiftView::of).toList());
    }

    @GET
    @Path("gaps")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Unfilled time and shifts held without a valid qualification in [from, to)")
    public Uni<List<GapView>> gaps(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
        return queries.gaps(PathIds.uuid("Schedule", id), QueryParams.instant("from", from), QueryParams.instant("to", to))
                .map(list -> list.stream().map(GapView::of).toList());
    }

    @POST
    @Path("overrides")
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Someone covers the schedule from start to end (team members, its manager or an admin)",
            description = "The person covering must hold a valid qualification for the role for the whole time (422 otherwise).")
    public Uni<Response> addOverride(@PathParam("id") String id, Drafts.OverrideDraft draft) {
        UUID scheduleId = PathIds.uuid("Schedule", id);
        return schedules.addOverride(actors.current(), scheduleId, draft)
                .map(o -> Response.created(URI.create("/api/v1/response/schedules/" + scheduleId + "/overrides/" + o.id))
                        .entity(OverrideView.of(o)).build());
    }

    @DELETE
    @Path("overrides/{overrideId}")
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Remove an override")
    public Uni<Response> removeOverride(@PathParam("id") String id, @PathParam("overrideId") String overrideId) {
        return schedules.removeOverride(actors.current(), PathIds.uuid("Schedule", id), PathIds.uuid("Override", overrideId)).replaceWith(Response.noContent().build());
    }
}
