package io.firebreak.review.api;

import io.firebreak.events.RecurrenceThresholdBreached.RecurringIncident;
import io.firebreak.platform.problem.PathIds;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.firebreak.review.domain.architecture.ArchitectureReviews;
import io.firebreak.review.model.ArchitectureReview;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Architectural reviews opened by metrics' recurrence triggers: who owns them, when they are due, the incidents behind them. */
@Path("/api/v1/review/architecture-reviews")
@Produces(MediaType.APPLICATION_JSON)
public class ArchitectureReviewResource {

    private final ArchitectureReviews reviews;
    private final Actors actors;

    public ArchitectureReviewResource(ArchitectureReviews reviews, Actors actors) {
        this.reviews = reviews;
        this.actors = actors;
    }

    public record ReviewView(UUID id, String service, String owningTeam, String basis, String basisValue, String state, String owner,
                             Instant dueAt, int windowDays, int threshold, List<RecurringIncident> incidents, int hiddenIncidents,
                             Instant openedAt, Instant overdueAt, String completedBy, Instant completedAt, String outcome) {
        static ReviewView of(ArchitectureReviews.Seen s) {
            ArchitectureReview r = s.review();
            return new ReviewView(r.id, r.service, r.owningTeam, r.basis, r.basisValue, r.state, r.owner, r.dueAt, r.windowDays, r.threshold,
                    s.incidents(), s.hiddenIncidents(), r.openedAt, r.overdueAt, r.completedBy, r.completedAt, r.outcome);
        }
    }

    public record CompletionRequest(String outcome) {
    }

    @GET
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR,
            Roles.ADMIN})
    @Operation(summary = "Architectural reviews, newest first, optionally of one service and in one state (OPEN, COMPLETED); incidents"
            + " of restricted war rooms the caller is not in are counted (hiddenIncidents), not named")
    public Uni<List<ReviewView>> list(@QueryParam("service") String service, @QueryParam("state") String state) {
        return reviews.list(service == null || service.isBlank() ? null : service.strip(), state == null || state.isBlank() ? null : state.strip(),
                        actors.current())
                .map(l -> l.stream().map(ReviewView::of).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR,
            Roles.ADMIN})
    @Operation(summary = "One architectural review")
    public Uni<ReviewView> one(@PathParam("id") String id) {
        return reviews.one(PathIds.uuid("Architectural review", id), actors.current()).map(ReviewView::of);
    }

    @POST
    @Path("/{id}/completion")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Complete the review {outcome} — its owner or an admin; once")
    public Uni<ReviewView> complete(@PathParam("id") String id, CompletionRequest body) {
        return reviews.complete(PathIds.uuid("Architectural review", id), body == null ? null : body.outcome(), actors.current())
                .map(ReviewView::of);
    }
}
