package io.firebreak.metrics.api;

import io.firebreak.metrics.domain.facts.Governance;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The responder survey every participant of a resolved P1/P2 is invited to: their own, nobody else's. */
@Path("/api/v1/metrics/surveys")
@Produces(MediaType.APPLICATION_JSON)
public class SurveyResource {

    private final Governance governance;
    private final Actors actors;

    public SurveyResource(Governance governance, Actors actors) {
        this.governance = governance;
        this.actors = actors;
    }

    @GET
    @Path("/mine")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER,
            Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The caller's responder surveys, open and answered, newest first")
    public Uni<List<Governance.SurveyView>> mine() {
        return governance.mine(actors.current());
    }

    @POST
    @Path("/{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER,
            Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Answers one's own survey once: rating 1–5, what went well, what to improve (another person's survey: 404;"
            + " a second answer: 409)")
    public Uni<Governance.SurveyView> answer(@PathParam("id") UUID id, Governance.AnswerInput input) {
        return governance.answer(id, input, actors.current());
    }
}
