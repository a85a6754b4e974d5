package io.firebreak.response.api;

import io.firebreak.platform.access.IncidentScoped;
import io.firebreak.platform.api.Page;
import io.firebreak.platform.problem.PathIds;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actors;
import io.firebreak.response.domain.warroom.Digests;
import io.firebreak.response.model.ResponseStatus;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.List;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.security.Roles;
import io.firebreak.response.domain.ResponseService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Incident responses, keyed by incident id. */
@Path("/api/v1/response/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class ResponseResource {

    private final ResponseService responses;
    private final Digests digests;
    private final Actors actors;

    public ResponseResource(ResponseService responses, Digests digests, Actors actors) {
        this.responses = responses;
        this.digests = digests;
        this.actors = actors;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Incident responses, newest first, a page at a time; restricted incidents only to their war room, auditors and admins")
    public Uni<Page<ResponseRecordView>> list(@QueryParam("status") String status, @QueryParam("after") String after,
                                              @QueryParam("limit") @DefaultValue("50") int limit) {
        ResponseStatus wanted = null;
        List<Violation> violations = new ArrayList<>();
        if (status != null && !status.isBlank()) {
            try {
                wanted = ResponseStatus.valueOf(status.strip());
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("status", "must be one of DECLARED, ACKNOWLEDGED, MITIGATED, RESOLVED, CLOSED"));
            }
        }
        if (limit < 1 || limit > 200) {
            violations.add(new Violation("limit", "must be between 1 and 200"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return responses.page(actors.current(), wanted, after, limit)
                .map(page -> new Page<>(page.items().stream().map(ResponseRecordView::of).toList(), page.next()));
    }

    @GET
    @Path("{incidentId}/digest")
    @IncidentScoped("incidentId")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Where the incident stands, for people outside its war room: status, priority, roles, the last update")
    public Uni<Digests.Digest> digest(@PathParam("incidentId") String incidentId) {
        return digests.of(PathIds.uuid("Incident", incidentId));
    }

    @GET
    @Path("{incidentId}")
    @IncidentScoped("incidentId")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The response record of an incident")
    public Uni<ResponseRecordView> get(@PathParam("incidentId") String incidentId) {
        UUID id = PathIds.uuid("Response record of incident", incidentId);
        return responses.find(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Response record of incident", incidentId))
                .map(ResponseRecordView::of);
    }
}
