package io.firebreak.change.api;

import io.firebreak.change.domain.changes.Effectiveness;
import io.firebreak.change.domain.changes.EmergencyChanges;
import io.firebreak.change.model.Documentation;
import io.firebreak.platform.access.IncidentAccess;
import io.firebreak.platform.problem.PathIds;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actor;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * One emergency change: read it and move it through its life. A change of a restricted incident is 404 to anyone
 * outside its war room (auditors and admins aside), exactly as its incident is.
 */
@Path("/api/v1/change/changes/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class ChangeResource {

    private final EmergencyChanges changes;
    private final Effectiveness effectiveness;
    private final IncidentAccess access;
    private final Actors actors;

    public ChangeResource(EmergencyChanges changes, Effectiveness effectiveness, IncidentAccess access, Actors actors) {
        this.changes = changes;
        this.effectiveness = effectiveness;
        this.access = access;
        this.actors = actors;
    }

    public record Reason(String reason) {
    }

    public record ValidationRequest(String result, String evidence) {
    }

    public record ExceptionRequest(Instant expiresAt, String reason) {
    }

    public record ReviewRequest(String outcome, String notes) {
    }

    /** Finds the change, 404 when its incident is hidden from the caller, then acts. */
    private <T> Uni<T> visible(String id, Actor actor, Function<UUID, Uni<T>> then) {
        UUID changeId = PathIds.uuid("Change", id);
        return changes.find(changeId).call(l -> access.requireVisible(actor, l.incident().incidentId)
                        .onFailure(ProblemException.class).transform(e -> ProblemException.notFound("Change", changeId)))
                .chain(l -> then.apply(changeId));
    }

    private static String reason(Reason r) {
        return r == null ? null : r.reason();
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER,
            Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "An emergency change with its approvals, implementation, validation, documentation and effectiveness")
    public Uni<ChangeViews.ChangeView> get(@PathParam("id") String id) {
        Actor actor = actors.current();
        return visible(id, actor, changes::find).map(ChangeViews.ChangeView::of);
    }

    @POST
    @Path("/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CHANGE_APPROVER, Roles.INCIDENT_COMMANDER})
    @Operation(summary = "Approve (CAB bypass): a change approver who is not the requester, or the incident's commander for a"
            + " pre-authorised action the catalog lets the IC approve")
    public Uni<ChangeViews.ChangeView> approve(@PathParam("id") String id, Reason body) {
        Actor actor = actors.current();
        return visible(id, actor, c -> changes.approve(c, reason(body), actor)).map(ChangeViews.ChangeView::of);
    }

    @POST
    @Path("/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CHANGE_APPROVER, Roles.INCIDENT_COMMANDER})
    @Operation(summary = "Reject a requested change, with the reason")
    public Uni<ChangeViews.ChangeView> reject(@PathParam("id") String id, Reason body) {
        Actor actor = actors.current();
        return visible(id, actor, c -> changes.reject(c, reason(body), actor)).map(ChangeViews.ChangeView::of);
    }

    @POST
    @Path("/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.ADMIN})
    @Operation(summary = "Withdraw a change before implementation (the requester, a change approver or an admin)")
    public Uni<ChangeViews.ChangeView> cancel(@PathParam("id") String id, Reason body) {
        Actor actor = actors.current();
        return visible(id, actor, c -> changes.cancel(c, reason(body), actor)).map(ChangeViews.ChangeView::of);
    }

    @POST
    @Path("/start")
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER})
    @Operation(summary = "Start implementing an approved change; refused inside a code freeze without a valid freeze exception")
    public Uni<ChangeViews.ChangeView> start(@PathParam("id") String id) {
        Actor actor = actors.current();
        return visible(id, actor, c -> changes.startImplementation(c, actor)).map(ChangeViews.ChangeView::of);
    }

    @POST
    @Path("/implemented")
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER})
    @Operation(summary = "The implementer (or the IC) reports the change done: validation, documentation and effectiveness review fall due")
    public Uni<ChangeViews.ChangeView> implemented(@PathParam("id") String id) {
        Actor actor = actors.current();
        return visible(id, actor, c -> changes.implemented(c, actor)).map(ChangeViews.ChangeView::of);
    }

    @POST
    @Path("/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER})
    @Operation(summary = "Post-implementation validation by someone other than the implementer: {result: PASSED|FAILED, evidence}")
    public Uni<ChangeViews.ChangeView> validate(@PathParam("id") String id, ValidationRequest body) {
        Actor actor = actors.current();
        return visible(id, actor, c -> changes.validate(c, body == null ? null : body.result(), body == null ? null : body.evidence(), actor))
                .map(ChangeViews.ChangeView::of);
    }

    @POST
    @Path("/rollback")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER})
    @Operation(summary = "Record that the change was rolled back, with the reason")
    public Uni<ChangeViews.ChangeView> rollback(@PathParam("id") String id, Reason body) {
        Actor actor = actors.current();
        return visible(id, actor, c -> changes.rollBack(c, reason(body), actor)).map(ChangeViews.ChangeView::of);
    }

    @PUT
    @Path("/documentation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.ADMIN})
    @Operation(summary = "Retroactive documentation {record, testsDone[], approvals[], notes} (the requester, the implementer or a change approver)")
    public Uni<ChangeViews.ChangeView> document(@PathParam("id") String id, Documentation body) {
        Actor actor = actors.current();
        return visible(id, actor, c -> changes.document(c, body, actor)).map(ChangeViews.ChangeView::of);
    }

    @GET
    @Path("/freeze-exceptions")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER,
            Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The freeze exceptions granted to the change")
    public Uni<List<ChangeViews.ExceptionView>> exceptions(@PathParam("id") String id) {
        Actor actor = actors.current();
        return visible(id, actor, changes::exceptions).map(l -> l.stream().map(ChangeViews.ExceptionView::of).toList());
    }

    @POST
    @Path("/freeze-exceptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CHANGE_APPROVER)
    @Operation(summary = "Grant a time-bound freeze exception {expiresAt, reason} (a change approver other than the requester; the"
            + " change's rollback plan must have steps, a verification check and an estimated rollback time)")
    public Uni<jakarta.ws.rs.core.Response> grant(@PathParam("id") String id, ExceptionRequest body) {
        if (body == null) {
            throw ProblemException.invalid(List.of(new Violation("body", "is required: {expiresAt, reason}")));
        }
        Actor actor = actors.current();
        return visible(id, actor, c -> changes.grantException(c, body.expiresAt(), body.reason(), actor))
                .map(e -> jakarta.ws.rs.core.Response.status(201).entity(ChangeViews.ExceptionView.of(e)).build());
    }

    @GET
    @Path("/effectiveness")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER,
            Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The effectiveness picture: did the impact stop after the change, and the suspected regressions in its window")
    public Uni<ChangeViews.EffectivenessView> effectiveness(@PathParam("id") String id) {
        Actor actor = actors.current();
        return visible(id, actor, effectiveness::picture).map(ChangeViews.EffectivenessView::of);
    }

    @POST
    @Path("/effectiveness")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CHANGE_APPROVER, Roles.INCIDENT_COMMANDER, Roles.TECH_LEAD})
    @Operation(summary = "Record the effectiveness review {outcome: EFFECTIVE|PARTIALLY_EFFECTIVE|NOT_EFFECTIVE|CAUSED_REGRESSION, notes}")
    public Uni<ChangeViews.EffectivenessView> review(@PathParam("id") String id, ReviewRequest body) {
        Actor actor = actors.current();
        return visible(id, actor, c -> effectiveness.review(c, body == null ? null : body.outcome(), body == null ? null : body.notes(), actor))
                .map(ChangeViews.EffectivenessView::of);
    }
}
