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
import org.eclipse.microprofile.openapi.annotations.Operation;

/** MTTA, MTTR and MTTE of a period, by service, team or priority, from validated data only. */
@Path("/api/v1/metrics/summary")
@Produces(MediaType.APPLICATION_JSON)
public class MetricsResource {

    private final MetricsQueries queries;

    public MetricsResource(MetricsQueries queries) {
        this.queries = queries;
    }

    @GET
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.SERVICE_OWNER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "MTTA, MTTR, MTTE (count, mean, p50, p90 in seconds) of the incidents declared in [from, until), groupBy"
            + " service | team | priority | none; how many were counted and excluded, by rule; drills ignored")
    public Uni<MetricsQueries.Summary> summary(@QueryParam("from") String from, @QueryParam("until") String until,
                                               @QueryParam("groupBy") String groupBy) {
        return queries.summary(QueryParams.instant("from", from), QueryParams.instant("until", until), groupBy);
    }
}
