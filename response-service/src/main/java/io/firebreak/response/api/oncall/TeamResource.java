package io.firebreak.response.api.oncall;

import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.firebreak.response.api.oncall.OnCallViews.ScheduleView;
import io.firebreak.response.api.oncall.OnCallViews.ServiceView;
import io.firebreak.response.api.oncall.OnCallViews.TeamRequest;
import io.firebreak.response.api.oncall.OnCallViews.TeamView;
import io.firebreak.response.domain.oncall.Drafts;
import io.firebreak.response.domain.oncall.Schedules;
import io.firebreak.response.domain.oncall.ServiceOwnership;
import io.firebreak.response.domain.oncall.Teams;
import io.firebreak.response.domain.paging.EscalationPolicies;
import io.firebreak.response.api.paging.EscalationPolicyResource;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Response teams, their members and manager, and what they own. */
@Path("/api/v1/response/teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamResource {

    private final Teams teams;
    private final Schedules schedules;
    private final ServiceOwnership services;
    private final EscalationPolicies policies;
    private final Actors actors;

    public TeamResource(Teams teams, Schedules schedules, ServiceOwnership services, EscalationPolicies policies, Actors actors) {
        this.policies = policies;
        this.teams = teams;
        this.schedules = schedules;
        this.services = services;
        this.actors = actors;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Every response team")
    public Uni<List<TeamView>> list() {
        return teams.list().map(list -> list.stream().map(TeamView::of).toList());
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a team (admin)")
    public Uni<Response> create(TeamRequest request) {
        if (request == null) {
            return Uni.createFrom().failure(ProblemException.invalid(List.of(new Violation("", "a team needs an id, a name, a manager and members"))));
        }
        return teams.create(actors.current(), request.id(), new Drafts.TeamDraft(request.name(), request.manager(), request.members()))
                .map(t -> Response.created(URI.create("/api/v1/response/teams/" + t.id)).entity(TeamView.of(t)).build());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "One team")
    public Uni<TeamView> get(@PathParam("id") String id) {
        return teams.get(id).map(TeamView::of);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Change a team's name and members (its manager or an admin; only an admin changes the manager)")
    public Uni<TeamView> update(@PathParam("id") String id, Drafts.TeamDraft draft) {
        return teams.update(actors.current(), id, draft).map(TeamView::of);
    }

    @GET
    @Path("{id}/schedules")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The team's schedules")
    public Uni<List<ScheduleView>> schedules(@PathParam("id") String id) {
        return schedules.ofTeam(id).map(list -> list.stream().map(ScheduleView::of).toList());
    }

    @POST
    @Path("{id}/schedules")
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Create a role schedule for the team (its manager, its service owners or an admin)",
            description = "Everyone in a layer must hold a valid qualification for the role (422 naming who does not); "
                    + "team on-call schedules take team members only.")
    public Uni<Response> createSchedule(@PathParam("id") String id, Drafts.ScheduleDraft draft) {
        return schedules.create(actors.current(), id, draft)
                .map(s -> Response.created(URI.create("/api/v1/response/schedules/" + s.id)).entity(ScheduleView.of(s)).build());
    }

    @GET
    @Path("{team}/escalation-policies")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The team's escalation policies")
    public Uni<List<EscalationPolicyResource.PolicyView>> list(@PathParam("team") String team) {
        return policies.ofTeam(team).map(list -> list.stream().map(EscalationPolicyResource.PolicyView::of).toList());
    }

    @POST
    @Path("{team}/escalation-policies")
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Create an escalation policy (the team's manager, its service owners or an admin)",
            description = "Levels of targets (SCHEDULE, PERSON, TEAM) with an optional delay each; windows per priority "
                    + "(defaults P1 5 min, P2 15 min); repeatCount passes through the levels again. isDefault: the team's services use it.")
    public Uni<Response> create(@PathParam("team") String team, EscalationPolicies.PolicyDraft draft) {
        return policies.create(actors.current(), team, draft)
                .map(p -> Response.created(URI.create("/api/v1/response/escalation-policies/" + p.id)).entity(EscalationPolicyResource.PolicyView.of(p)).build());
    }

    @GET
    @Path("{id}/services")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Business services the team owns or is on call for (from the catalog's events)")
    public Uni<List<ServiceView>> services(@PathParam("id") String id) {
        return teams.get(id).chain(team -> services.ownedBy(team.id)).map(list -> list.stream().map(ServiceView::of).toList());
    }
}
