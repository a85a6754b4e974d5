package io.firebreak.response.api.roles;

import io.firebreak.platform.access.IncidentScoped;
import io.firebreak.platform.problem.PathIds;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.firebreak.response.domain.roles.Handovers;
import io.firebreak.response.model.roles.Handover;
import io.firebreak.response.model.roles.HandoverBrief;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Handovers of an incident's held roles: a brief, its versions, and the incoming person's acknowledgement. */
@IncidentScoped
@Path("/api/v1/response/incidents/{id}/handovers")
@Produces(MediaType.APPLICATION_JSON)
public class HandoverResource {

    private final Handovers handovers;
    private final Actors actors;

    public HandoverResource(Handovers handovers, Actors actors) {
        this.handovers = handovers;
        this.actors = actors;
    }

    public record OfferRequest(String assignmentId, String to, HandoverBrief brief) {
    }

    public record BriefRequest(HandoverBrief brief) {
    }

    public record AcknowledgeRequest(Integer briefVersion) {
    }

    public record HandoverView(UUID id, String role, String fromPerson, String toPerson, String status, UUID fromAssignmentId,
                               UUID toAssignmentId, HandoverBrief brief, int briefVersion, String offeredBy, Instant offeredAt,
                               Instant briefUpdatedAt, Instant acknowledgedAt, Instant cancelledAt, String cancelledBy) {
        static HandoverView of(Handover h) {
            return new HandoverView(h.id, h.role.name(), h.fromPerson, h.toPerson, h.status.name(), h.fromAssignmentId, h.toAssignmentId,
                    h.brief, h.briefVersion, h.offeredBy, h.offeredAt, h.briefUpdatedAt, h.acknowledgedAt, h.cancelledAt, h.cancelledBy);
        }
    }


    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Every handover of the incident, with its brief as last written")
    public Uni<List<HandoverView>> list(@PathParam("id") String id) {
        return handovers.of(PathIds.uuid("Incident", id)).map(list -> list.stream().map(HandoverView::of).toList());
    }

    @GET
    @Path("draft")
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "A brief pre-filled from the incident's own record (deterministic read-in), for the holder of ?assignment=")
    public Uni<HandoverBrief> draft(@PathParam("id") String id, @QueryParam("assignment") String assignment) {
        if (assignment == null || assignment.isBlank()) {
            throw ProblemException.invalid(List.of(new Violation("assignment", "is required")));
        }
        return handovers.draft(actors.current(), PathIds.uuid("Incident", id), PathIds.uuid("Role assignment", assignment));
    }

    @POST
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "The holder (or the incident's commander, or an admin) offers a held role to someone, with a brief",
            description = "The role stays with its holder until the incoming person acknowledges the brief. 422 `unqualified` for a"
                    + " person without the role's qualification; 409 while another handover of the role is open.")
    public Uni<Response> offer(@PathParam("id") String id, OfferRequest request) {
        if (request == null || request.assignmentId() == null || request.assignmentId().isBlank()) {
            throw ProblemException.invalid(List.of(new Violation("assignmentId", "is required: the held assignment to hand over")));
        }
        return handovers.offer(actors.current(), PathIds.uuid("Incident", id), PathIds.uuid("Role assignment", request.assignmentId()),
                request.to(), request.brief()).map(h -> Response.status(201).entity(HandoverView.of(h)).build());
    }

    @PUT
    @Path("{handoverId}/brief")
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "A new version of the brief of an open handover")
    public Uni<HandoverView> revise(@PathParam("id") String id, @PathParam("handoverId") String handoverId, BriefRequest request) {
        return handovers.revise(actors.current(), PathIds.uuid("Incident", id), PathIds.uuid("Handover", handoverId),
                request == null ? null : request.brief()).map(HandoverView::of);
    }

    @POST
    @Path("{handoverId}/acknowledgement")
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "The incoming person acknowledges the brief version they read; the role moves to them now",
            description = "409 when the brief changed since (read it again), 403 for anyone but the incoming person.")
    public Uni<HandoverView> acknowledge(@PathParam("id") String id, @PathParam("handoverId") String handoverId, AcknowledgeRequest request) {
        if (request == null || request.briefVersion() == null) {
            throw ProblemException.invalid(List.of(new Violation("briefVersion", "is required: the version of the brief you read")));
        }
        return handovers.acknowledge(actors.current(), PathIds.uuid("Incident", id), PathIds.uuid("Handover", handoverId),
                request.briefVersion()).map(HandoverView::of);
    }

    @POST
    @Path("{handoverId}/cancellation")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Withdraws an open handover; the role stays with its holder")
    public Uni<HandoverView> cancel(@PathParam("id") String id, @PathParam("handoverId") String handoverId) {
        return handovers.cancel(actors.current(), PathIds.uuid("Incident", id), PathIds.uuid("Handover", handoverId)).map(HandoverView::of);
    }
}
