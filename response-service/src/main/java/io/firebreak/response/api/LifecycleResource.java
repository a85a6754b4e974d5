package io.firebreak.response.api;

import io.firebreak.platform.access.IncidentScoped;
import io.firebreak.platform.problem.PathIds;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.firebreak.response.domain.ResponseService;
import io.firebreak.response.domain.lifecycle.LifecycleRules.Change;
import io.firebreak.response.domain.lifecycle.ResponseLifecycle;
import io.firebreak.response.domain.paging.Paging;
import io.firebreak.response.model.LifecycleAction;
import io.firebreak.response.model.PostmortemDecision;
import io.firebreak.response.model.ResponseTransition;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The response lifecycle of an incident: its transitions, and moving it on. */
@IncidentScoped
@Path("/api/v1/response/incidents/{id}/transitions")
@Produces(MediaType.APPLICATION_JSON)
public class LifecycleResource {

    private final ResponseLifecycle lifecycle;
    private final ResponseService responses;
    private final Paging paging;
    private final Actors actors;

    public LifecycleResource(ResponseLifecycle lifecycle, ResponseService responses, Paging paging, Actors actors) {
        this.lifecycle = lifecycle;
        this.responses = responses;
        this.paging = paging;
        this.actors = actors;
    }

    /** A transition: {@code action} ACKNOWLEDGE, MITIGATE, RESOLVE, CLOSE or REOPEN, with what that action needs. */
    public record TransitionRequest(String action, String note, String resolutionSummary, PostmortemRequest postmortem) {
    }

    public record PostmortemRequest(String decision, String reason) {
    }

    public record TransitionView(int seq, LifecycleAction action, String fromStatus, String toStatus, String changedBy,
                                 Instant changedAt, String via, String note) {
        static TransitionView of(ResponseTransition t) {
            return new TransitionView(t.seq, t.action, t.fromStatus.name(), t.toStatus.name(), t.changedBy, t.changedAt, t.via, t.note);
        }
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Every lifecycle transition of the incident's response, oldest first")
    public Uni<List<TransitionView>> history(@PathParam("id") String id) {
        return lifecycle.history(PathIds.uuid("Incident", id)).map(list -> list.stream().map(TransitionView::of).toList());
    }

    @POST
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.ADMIN})
    @Operation(summary = "Moves the response on: acknowledge, mitigate, resolve (with a resolution summary), close (with the"
            + " post-mortem decision; incident commander or admin) or reopen (with a reason; incident commander or admin)",
            description = "409 when the current status does not allow the action (the answer names the possible ones); problem+json naming"
                    + " each missing field (400). Acknowledging also stops the incident's escalation, as the acknowledgement endpoint does.")
    public Uni<ResponseRecordView> transition(@PathParam("id") String id, TransitionRequest request) {
        UUID incident = PathIds.uuid("Incident", id);
        List<Violation> violations = new ArrayList<>();
        LifecycleAction action = action(request, violations);
        PostmortemDecision decision = decision(request, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        // A collision with the service's own background work (a page's delivery recorded meanwhile) is not the caller's to retry.
        Uni<?> done = io.firebreak.platform.problem.Collisions.retried(() -> action == LifecycleAction.ACKNOWLEDGE
                ? paging.acknowledge(incident, actors.current().user(), "API", null)
                : lifecycle.transition(incident, action, new Change(request.note(), null, request.resolutionSummary(), decision,
                        request.postmortem() == null ? null : request.postmortem().reason()), actors.current()));
        return done.chain(() -> responses.find(incident)).map(ResponseRecordView::of);
    }

    private static LifecycleAction action(TransitionRequest request, List<Violation> violations) {
        if (request == null || request.action() == null || request.action().isBlank()) {
            violations.add(new Violation("action", "is required: ACKNOWLEDGE, MITIGATE, RESOLVE, CLOSE or REOPEN"));
            return null;
        }
        try {
            return LifecycleAction.valueOf(request.action().strip());
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("action", "must be ACKNOWLEDGE, MITIGATE, RESOLVE, CLOSE or REOPEN"));
            return null;
        }
    }

    private static PostmortemDecision decision(TransitionRequest request, List<Violation> violations) {
        if (request == null || request.postmortem() == null || request.postmortem().decision() == null) {
            return null;
        }
        try {
            return PostmortemDecision.valueOf(request.postmortem().decision().strip());
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("postmortem.decision", "must be REQUIRED or NOT_REQUIRED"));
            return null;
        }
    }
}
