package io.firebreak.response.api.roles;

import io.firebreak.platform.access.IncidentScoped;
import io.firebreak.platform.problem.PathIds;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.firebreak.response.domain.roles.IncidentRoles;
import io.firebreak.response.domain.roles.IncidentRoles.Assignment;
import io.firebreak.response.model.roles.IncidentRole;
import io.firebreak.response.model.roles.IncidentRoleKind;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The roles of an incident: who holds or was proposed for what, assigning, accepting and releasing. */
@IncidentScoped
@Path("/api/v1/response/incidents/{id}/roles")
@Produces(MediaType.APPLICATION_JSON)
public class RoleResource {

    private final IncidentRoles roles;
    private final Actors actors;

    public RoleResource(IncidentRoles roles, Actors actors) {
        this.roles = roles;
        this.actors = actors;
    }

    public record AssignRequest(String role, String person, String justification) {
    }

    public record ReleaseRequest(String reason) {
    }

    /** One assignment; {@code acceptanceSeconds} from the page (rotation) or the proposal to the acceptance. */
    public record RoleView(UUID id, String role, String person, String status, String source, UUID pageId, Instant pagedAt,
                           String proposedBy, Instant proposedAt, Instant acceptedAt, Long acceptanceSeconds, Instant endedAt,
                           String endedBy, String endReason, String overrideBy, String overrideJustification) {
        static RoleView of(IncidentRole r) {
            Instant from = r.pagedAt != null ? r.pagedAt : r.proposedAt;
            return new RoleView(r.id, r.role.name(), r.person, r.status.name(), r.source, r.pageId, r.pagedAt, r.proposedBy, r.proposedAt,
                    r.acceptedAt, r.acceptedAt == null ? null : Duration.between(from, r.acceptedAt).toSeconds(), r.endedAt, r.endedBy,
                    r.endReason, r.overrideBy, r.overrideJustification);
        }
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Every role assignment of the incident, current and past, oldest first")
    public Uni<List<RoleView>> list(@PathParam("id") String id) {
        return roles.of(PathIds.uuid("Incident", id)).map(list -> list.stream().map(RoleView::of).toList());
    }

    @POST
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.ADMIN})
    @Operation(summary = "Proposes a role to a person (the incident's commander or an admin); they hold it once they accept",
            description = "422 `unqualified` for a person without the role's valid qualification, unless an admin gives a"
                    + " justification (recorded and audited); 409 when someone already holds a single-holder role (hand it over).")
    public Uni<Response> assign(@PathParam("id") String id, AssignRequest request) {
        UUID incident = PathIds.uuid("Incident", id);
        List<Violation> violations = new ArrayList<>();
        IncidentRoleKind role = null;
        if (request == null || request.role() == null || request.role().isBlank()) {
            violations.add(new Violation("role", "is required"));
        } else {
            try {
                role = IncidentRoleKind.valueOf(request.role().strip());
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("role", "must be one of INCIDENT_COMMANDER, COMMS_LEAD, TECH_LEAD, SUBJECT_MATTER_EXPERT, SCRIBE"));
            }
        }
        if (request == null || request.person() == null || request.person().isBlank()) {
            violations.add(new Violation("person", "is required"));
        } else if (request.person().length() > 200) {
            violations.add(new Violation("person", "at most 200 characters"));
        }
        if (request != null && request.justification() != null && request.justification().length() > 2_000) {
            violations.add(new Violation("justification", "at most 2000 characters"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return roles.assign(actors.current(), incident, new Assignment(role, request.person().strip(), request.justification()))
                .map(r -> Response.status(201).entity(RoleView.of(r)).build());
    }

    @POST
    @Path("{assignmentId}/acceptance")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "The proposed person accepts the role and holds it from now (403 for anyone else)")
    public Uni<RoleView> accept(@PathParam("id") String id, @PathParam("assignmentId") String assignmentId) {
        return roles.accept(actors.current(), PathIds.uuid("Incident", id), PathIds.uuid("Role assignment", assignmentId)).map(RoleView::of);
    }

    @POST
    @Path("{assignmentId}/release")
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Ends an assignment: its person, the incident's commander or an admin; a held commander, comms or tech lead"
            + " role only once the incident is resolved (before that: handover)")
    public Uni<RoleView> release(@PathParam("id") String id, @PathParam("assignmentId") String assignmentId, ReleaseRequest request) {
        if (request != null && request.reason() != null && request.reason().length() > 2_000) {
            throw ProblemException.invalid(List.of(new Violation("reason", "at most 2000 characters")));
        }
        return roles.release(actors.current(), PathIds.uuid("Incident", id), PathIds.uuid("Role assignment", assignmentId),
                request == null ? null : request.reason()).map(RoleView::of);
    }
}
