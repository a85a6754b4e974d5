package io.firebreak.response.api.warroom;

import io.firebreak.platform.access.IncidentScoped;
import io.firebreak.platform.access.MemberKind;
import io.firebreak.platform.access.WarRoomMember;
import io.firebreak.platform.problem.FreeText;
import io.firebreak.platform.problem.PathIds;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.firebreak.response.domain.warroom.WarRooms;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** An incident's war room: its members, and whether the incident is restricted to them. */
@Path("/api/v1/response/incidents/{id}/war-room")
@Produces(MediaType.APPLICATION_JSON)
@IncidentScoped
public class WarRoomResource {

    private final WarRooms warRooms;
    private final Actors actors;

    public WarRoomResource(WarRooms warRooms, Actors actors) {
        this.warRooms = warRooms;
        this.actors = actors;
    }

    public record WarRoomView(UUID incidentId, String incidentKey, boolean restricted, List<WarRoomMember> members) {
    }

    public record MemberRequest(String kind) {
    }

    public record RestrictionRequest(Boolean restricted, String reason) {
    }

    public record RestrictionView(UUID incidentId, boolean restricted, boolean changed) {
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Who is in the war room (added by the commander, assigned a role, or paged) and whether the incident is restricted")
    public Uni<WarRoomView> get(@PathParam("id") String id) {
        return warRooms.of(PathIds.uuid("Incident", id))
                .map(s -> new WarRoomView(s.record().incidentId, s.record().incidentKey, s.restricted(), s.members()));
    }

    @PUT
    @Path("members/{person}")
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.ADMIN})
    @Operation(summary = "Adds a responder or an observer to the war room, or changes which of the two they are; the commander or an admin")
    public Uni<WarRoomMember> admit(@PathParam("id") String id, @PathParam("person") String person, MemberRequest request) {
        UUID incident = PathIds.uuid("Incident", id);
        List<Violation> violations = new ArrayList<>();
        FreeText.check(violations, "person", person, true, 200);
        MemberKind kind = null;
        String requested = request == null ? null : request.kind();
        if (requested == null || requested.isBlank()) {
            violations.add(new Violation("kind", "is required: RESPONDER or OBSERVER"));
        } else if ("RESPONDER".equals(requested.strip()) || "OBSERVER".equals(requested.strip())) {
            kind = MemberKind.valueOf(requested.strip());
        } else {
            violations.add(new Violation("kind", "must be RESPONDER or OBSERVER (roles and pages add people by themselves)"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return warRooms.admit(actors.current(), incident, person.strip(), kind);
    }

    @DELETE
    @Path("members/{person}")
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.ADMIN})
    @Operation(summary = "Removes someone from the war room; 409 while they hold or are proposed for a role of the incident")
    public Uni<Response> remove(@PathParam("id") String id, @PathParam("person") String person) {
        return warRooms.remove(actors.current(), PathIds.uuid("Incident", id), person.strip()).replaceWith(Response.noContent().build());
    }

    @PUT
    @Path("restriction")
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.ADMIN})
    @Operation(summary = "Restricts the incident to its war room (security or data-exposure cases), or lifts the restriction;"
            + " with a reason. Outsiders then get 404 for it in every service; its events carry the restricted flag.")
    public Uni<RestrictionView> restriction(@PathParam("id") String id, RestrictionRequest request) {
        UUID incident = PathIds.uuid("Incident", id);
        List<Violation> violations = new ArrayList<>();
        if (request == null || request.restricted() == null) {
            violations.add(new Violation("restricted", "is required: true or false"));
        }
        FreeText.check(violations, "reason", request == null ? null : request.reason(), true, 2_000);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        boolean restrict = request.restricted();
        Uni<Boolean> changed = restrict ? warRooms.restrict(actors.current(), incident, request.reason().strip())
                : warRooms.lift(actors.current(), incident, request.reason().strip());
        return changed.map(c -> new RestrictionView(incident, restrict, c));
    }
}
