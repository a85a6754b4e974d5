package io.firebreak.metrics.api;

import io.firebreak.metrics.domain.facts.MetricsQueries;
import io.firebreak.platform.problem.QueryParams;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Escalation latency per team reached, of counted incidents. */
@Path("/api/v1/metrics/escalations")
@Produces(MediaType.APPLICATION_JSON)
public class EscalationsResource {

    private final MetricsQueries queries;

    public EscalationsResource(MetricsQueries queries) {
        this.queries = queries;
    }

    @GET
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.SERVICE_OWNER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Escalation latency per team reached (the time a hop's previous level had) of counted incidents declared in [from, until)")
    public Uni<List<MetricsQueries.TeamLatency>> escalations(@QueryParam("from") String from, @QueryParam("until") String until) {
        return queries.escalations(QueryParams.instant("from", from), QueryParams.instant("until", until));
    }
}
