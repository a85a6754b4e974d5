package io.firebreak.review.api;

import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.time.Quarter;
import io.firebreak.review.domain.postmortems.Factors;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Contributing-factor trends across incidents: aggregates only, so restricted incidents count without being named. */
@Path("/api/v1/review/trends/factors")
@Produces(MediaType.APPLICATION_JSON)
public class TrendsResource {

    private final Factors factors;
    private final Clock clock;

    public TrendsResource(Factors factors, Clock clock) {
        this.factors = factors;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Incidents with contributing factors by category|subcategory|service|team in a quarter (2026-Q4; default the"
            + " current one) against the previous quarter")
    public Uni<Factors.TrendReport> trends(@QueryParam("quarter") String quarter, @QueryParam("by") String by) {
        Quarter q = quarter == null ? Quarter.of(clock.instant()) : Quarter.parse(quarter);
        if (q == null) {
            throw ProblemException.invalid(List.of(new Violation("quarter", "must look like 2026-Q4")));
        }
        String dimension = by == null ? "category" : by;
        if (!Factors.DIMENSIONS.contains(dimension)) {
            throw ProblemException.invalid(List.of(new Violation("by", "must be one of " + String.join(", ", Factors.DIMENSIONS.stream().sorted().toList()))));
        }
        return factors.trends(q, dimension);
    }
}
