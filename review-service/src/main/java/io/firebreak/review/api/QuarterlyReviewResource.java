package io.firebreak.review.api;

import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.problem.QueryParams;
import io.firebreak.platform.time.Quarter;
import io.firebreak.review.domain.postmortems.ActionItems;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The quarterly completion review of action items: the report, and the record of the review held over it. */
@Path("/api/v1/review/reviews/quarterly")
@Produces(MediaType.APPLICATION_JSON)
public class QuarterlyReviewResource {

    private final ActionItems items;
    private final Actors actors;

    public QuarterlyReviewResource(ActionItems items, Actors actors) {
        this.items = items;
        this.actors = actors;
    }

    public record ReviewRequest(String quarter, String decisions) {
    }

    @GET
    @RolesAllowed({Roles.SERVICE_OWNER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Completion rate per team and type of the items due in the quarter, the overdue ones with their age and"
            + " escalation, and the review record if held")
    public Uni<ActionItems.QuarterlyReport> report(@QueryParam("quarter") String quarter) {
        return items.quarterly(QueryParams.quarter("quarter", quarter));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EXECUTIVE, Roles.ADMIN})
    @Operation(summary = "Record the review of a quarter {quarter, decisions} (once)")
    public Uni<Response> record(ReviewRequest body) {
        if (body == null) {
            throw ProblemException.invalid(List.of(new Violation("body", "is required")));
        }
        return items.recordReview(QueryParams.quarter("quarter", body.quarter()), body.decisions(), actors.current())
                .map(r -> Response.status(201).entity(r).build());
    }
}
