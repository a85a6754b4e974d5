package io.firebreak.classification.api;

import io.firebreak.platform.security.Actors;
import io.firebreak.classification.domain.TemporaryP1s;
import io.firebreak.events.Priority;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Temporary P1 of one incident: designate, confirm, downgrade. Every role reaches these endpoints;
 * the domain admits only the pre-approved ones (configurable), and owners only for their services.
 */
@Path("/api/v1/classification/incidents/{id}/temporary-p1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TemporaryP1Resource {

    private final TemporaryP1s temporaryP1s;
    private final Actors actors;

    public TemporaryP1Resource(TemporaryP1s temporaryP1s, Actors actors) {
        this.temporaryP1s = temporaryP1s;
        this.actors = actors;
    }

    @POST
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Treat a borderline incident as P1 for a limited window",
            description = "Only roles with pre-approved authority (firebreak.classification.temporary-p1.authorised-roles, "
                    + "default incident-commander and service-owner) succeed; others get 403.")
    public Uni<IncidentView> temporaryP1(@PathParam("id") UUID id, @Valid @NotNull TemporaryP1Request request) {
        return temporaryP1s.designate(id, request.justification(), request.borderlineBecause(),
                request.windowMinutes() == null ? null : Duration.ofMinutes(request.windowMinutes()), actors.current())
                .map(IncidentView::of);
    }

    @POST
    @Path("confirm")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Confirm a temporary P1 as P1 (pre-approved roles only)")
    public Uni<IncidentView> confirm(@PathParam("id") UUID id, @Valid @NotNull CommentRequest request) {
        return temporaryP1s.confirm(id, request.comment(), actors.current()).map(IncidentView::of);
    }

    @POST
    @Path("downgrade")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Downgrade a temporary P1 (pre-approved roles only)")
    public Uni<IncidentView> downgrade(@PathParam("id") UUID id, @Valid @NotNull PriorityChangeRequest request) {
        return temporaryP1s.downgrade(id, Priority.valueOf(request.priority()), request.reason(), actors.current())
                .map(IncidentView::of);
    }
}
