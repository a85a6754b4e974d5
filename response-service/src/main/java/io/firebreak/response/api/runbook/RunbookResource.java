package io.firebreak.response.api.runbook;

import io.firebreak.events.Priority;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.firebreak.response.domain.runbook.Runbooks;
import io.firebreak.response.model.roles.IncidentRoleKind;
import io.firebreak.response.model.runbook.Runbook;
import io.firebreak.response.model.runbook.RunbookItem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Role runbooks: versioned checklists per incident role and priority. */
@Path("/api/v1/response/runbooks")
@Produces(MediaType.APPLICATION_JSON)
public class RunbookResource {

    private final Runbooks runbooks;
    private final Actors actors;

    public RunbookResource(Runbooks runbooks, Actors actors) {
        this.runbooks = runbooks;
        this.actors = actors;
    }

    public record RunbookRequest(List<RunbookItem> items) {
    }

    public record RunbookView(UUID id, String role, String priority, int version, List<RunbookItem> items, String createdBy, Instant createdAt) {
        static RunbookView of(Runbook r) {
            return new RunbookView(r.id, r.role.name(), r.priority.name(), r.version, r.items, r.createdBy, r.createdAt);
        }
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The current version of every runbook")
    public Uni<List<RunbookView>> current() {
        return runbooks.current().map(list -> list.stream().map(RunbookView::of).toList());
    }

    @GET
    @Path("{role}/{priority}")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Every version of one role's runbook at one priority, newest first")
    public Uni<List<RunbookView>> versions(@PathParam("role") String role, @PathParam("priority") String priority) {
        return runbooks.versions(role(role), priority(priority)).map(list -> list.stream().map(RunbookView::of).toList());
    }

    @PUT
    @Path("{role}/{priority}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Publishes a new version (admin); incidents keep the version they instantiated")
    public Uni<Response> publish(@PathParam("role") String role, @PathParam("priority") String priority, RunbookRequest request) {
        return runbooks.publish(actors.current(), role(role), priority(priority), request == null ? null : request.items())
                .map(r -> Response.status(201).entity(RunbookView.of(r)).build());
    }

    private static IncidentRoleKind role(String value) {
        try {
            return IncidentRoleKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(List.of(new Violation("role", "must be one of " + java.util.Arrays.toString(IncidentRoleKind.values()))));
        }
    }

    private static Priority priority(String value) {
        try {
            return Priority.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(List.of(new Violation("priority", "must be P1, P2, P3 or P4")));
        }
    }
}
