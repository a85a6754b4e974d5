package io.firebreak.change.api;

import io.firebreak.change.domain.changes.ChangeRequest;
import io.firebreak.change.domain.changes.EmergencyChanges;
import io.firebreak.change.domain.incidents.ChangeProjection;
import io.firebreak.change.domain.intake.Intake;
import io.firebreak.change.domain.changes.ChangeFlags;
import io.firebreak.platform.access.IncidentScoped;
import io.firebreak.platform.problem.PathIds;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** An incident's emergency changes, the findings they may cite, the commits and deploys linked to it, and its flags. */
@Path("/api/v1/change/incidents/{id}")
@Produces(MediaType.APPLICATION_JSON)
@IncidentScoped
public class IncidentChangesResource {

    private final EmergencyChanges changes;
    private final ChangeProjection projection;
    private final Intake intake;
    private final ChangeFlags flags;
    private final Actors actors;

    public IncidentChangesResource(EmergencyChanges changes, ChangeProjection projection, Intake intake, ChangeFlags flags, Actors actors) {
        this.changes = changes;
        this.projection = projection;
        this.intake = intake;
        this.flags = flags;
        this.actors = actors;
    }

    @POST
    @Path("/changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER})
    @Operation(summary = "Request an emergency change for an active P1/P2: an action of the catalog on the incident's service or one it"
            + " depends on, citing a confirmed triage finding whose component is the target or depends on it")
    public Uni<Response> request(@PathParam("id") String id, ChangeRequest body) {
        if (body == null) {
            throw ProblemException.invalid(List.of(new Violation("body", "is required")));
        }
        return changes.request(PathIds.uuid("Incident", id), body, actors.current())
                .map(l -> Response.status(201).entity(ChangeViews.ChangeView.of(l)).build());
    }

    @GET
    @Path("/changes")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER,
            Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The incident's emergency changes, oldest first")
    public Uni<List<ChangeViews.ChangeView>> list(@PathParam("id") String id) {
        UUID incident = PathIds.uuid("Incident", id);
        return projection.incidentSeen(incident).chain(i -> changes.ofIncident(incident)
                .map(l -> l.stream().map(c -> ChangeViews.ChangeView.of(c, i.incidentKey)).toList()));
    }

    @GET
    @Path("/findings")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER,
            Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The confirmed triage findings of the incident, which an emergency change cites")
    public Uni<List<ChangeViews.FindingView>> findings(@PathParam("id") String id) {
        UUID incident = PathIds.uuid("Incident", id);
        return projection.incidentSeen(incident).chain(i -> projection.findingsOf(incident))
                .map(l -> l.stream().map(ChangeViews.FindingView::of).toList());
    }

    @GET
    @Path("/links")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER,
            Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Commits and deploys linked to the incident: referenced by their message, or deployed while it was active (candidate causes)")
    public Uni<List<ChangeViews.LinkView>> links(@PathParam("id") String id) {
        UUID incident = PathIds.uuid("Incident", id);
        return projection.incidentSeen(incident).chain(i -> intake.linksOf(incident)).map(l -> l.stream().map(ChangeViews.LinkView::of).toList());
    }

    @GET
    @Path("/flags")
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.AUDITOR,
            Roles.ADMIN})
    @Operation(summary = "What change flagged on the incident for its post-mortem: deploys in a freeze, unlinked changes, alignment overrides")
    public Uni<List<ChangeViews.FlagView>> flags(@PathParam("id") String id) {
        UUID incident = PathIds.uuid("Incident", id);
        return projection.incidentSeen(incident).chain(i -> flags.ofIncident(incident)).map(l -> l.stream().map(ChangeViews.FlagView::of).toList());
    }
}
