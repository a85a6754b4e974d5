package io.firebreak.response.api.oncall;

import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.QueryParams;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Roles;
import io.firebreak.response.api.oncall.OnCallViews.HolderView;
import io.firebreak.response.api.oncall.OnCallViews.OnCallView;
import io.firebreak.response.domain.oncall.OnCallQueries;
import io.firebreak.response.model.oncall.ResponseRole;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Who holds each role now (or at a given moment). */
@Path("/api/v1/response/oncall")
@Produces(MediaType.APPLICATION_JSON)
public class OnCallResource {

    private final OnCallQueries queries;
    private final Clock clock;

    public OnCallResource(OnCallQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Every schedule's holder at a moment (default now), optionally for one team and one role",
            description = "The Server-Timing header (oncall;dur=ms) says how long the service took to compute the answer.")
    public Uni<jakarta.ws.rs.core.Response> onCall(@QueryParam("at") String at, @QueryParam("team") String team,
                                                   @QueryParam("role") String role) {
        long started = System.nanoTime();
        Instant moment = at == null ? clock.instant() : QueryParams.instant("at", at);
        ResponseRole wanted = role(role);
        return queries.onCallAt(moment, team, wanted).map(list -> jakarta.ws.rs.core.Response
                .ok(new OnCallView(moment, list.stream().map(HolderView::of).toList()))
                .header("Server-Timing", String.format(java.util.Locale.ROOT, "oncall;dur=%.2f", (System.nanoTime() - started) / 1e6))
                .build());
    }

    private static ResponseRole role(String role) {
        if (role == null || role.isBlank()) {
            return null;
        }
        try {
            return ResponseRole.valueOf(role);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(List.of(new Violation("role", "must be INCIDENT_COMMANDER, COMMS_LEAD, TECH_LEAD or TEAM_ON_CALL")));
        }
    }
}
