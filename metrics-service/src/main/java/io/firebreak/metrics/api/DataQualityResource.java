package io.firebreak.metrics.api;

import io.firebreak.metrics.domain.facts.MetricsQueries;
import io.firebreak.platform.problem.QueryParams;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The data-quality findings that keep incidents out of the metrics, with the events that show them. */
@Path("/api/v1/metrics/data-quality")
@Produces(MediaType.APPLICATION_JSON)
public class DataQualityResource {

    private final MetricsQueries queries;
    private final Actors actors;

    public DataQualityResource(MetricsQueries queries, Actors actors) {
        this.queries = queries;
        this.actors = actors;
    }

    @GET
    @Path("/findings")
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.SERVICE_OWNER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Open data-quality findings of incidents declared in [from, until) with the events that show them; findings of"
            + " restricted incidents outside the caller's war rooms are counted in hidden")
    public Uni<MetricsQueries.FindingsPage> findings(@QueryParam("from") String from, @QueryParam("until") String until) {
        return queries.findings(QueryParams.instant("from", from), QueryParams.instant("until", until), actors.current());
    }
}
