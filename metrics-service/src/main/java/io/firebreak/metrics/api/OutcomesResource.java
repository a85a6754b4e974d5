package io.firebreak.metrics.api;

import io.firebreak.metrics.domain.facts.Outcomes;
import io.firebreak.metrics.model.BusinessOutcome;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Business outcome figures imported from business systems, which the quarterly KPI report relates to incidents. */
@Path("/api/v1/metrics/outcomes")
@Produces(MediaType.APPLICATION_JSON)
public class OutcomesResource {

    private final Outcomes outcomes;
    private final Actors actors;

    public OutcomesResource(Outcomes outcomes, Actors actors) {
        this.outcomes = outcomes;
        this.actors = actors;
    }

    @PUT
    @Path("/{metric}/{period}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EXECUTIVE, Roles.ADMIN})
    @Operation(summary = "Records an outcome figure for a month (2026-09) or quarter (2026-Q3): {value, unit, source}; 201 when new, 200 when"
            + " replaced or unchanged (the same import twice changes nothing)")
    public Uni<Response> record(@PathParam("metric") String metric, @PathParam("period") String period, Outcomes.Input input) {
        return outcomes.record(metric, period, input, actors.current())
                .map(r -> Response.status(r.created() ? 201 : 200).entity(r.outcome()).build());
    }

    @GET
    @RolesAllowed({Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The imported outcome figures (?metric= for one), ordered by metric and period")
    public Uni<List<BusinessOutcome>> list(@QueryParam("metric") String metric) {
        return outcomes.list(metric);
    }
}
