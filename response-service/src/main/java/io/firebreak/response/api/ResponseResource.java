package io.firebreak.response.api;

import io.firebreak.platform.problem.PathIds;
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

    public ResponseResource(ResponseService responses) {
        this.responses = responses;
    }

    @GET
    @Path("{incidentId}")
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
