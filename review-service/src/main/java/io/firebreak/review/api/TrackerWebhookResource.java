package io.firebreak.review.api;

import io.firebreak.platform.problem.PathIds;
import io.firebreak.review.domain.postmortems.ActionItems.TrackerEffect;
import io.firebreak.review.domain.postmortems.Trackers;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Where a team's tracker tells review that an issue was closed or reopened: proved by its signature, not a token. */
@Path("/api/v1/review/trackers")
@Produces(MediaType.APPLICATION_JSON)
public class TrackerWebhookResource {

    private final Trackers trackers;

    public TrackerWebhookResource(Trackers trackers) {
        this.trackers = trackers;
    }

    public record WebhookAnswer(TrackerEffect effect) {
    }

    @POST
    @Path("/{id}/webhook")
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "The tracker's webhook (GitHub issues events, Jira jira:issue_updated), proved by X-Hub-Signature-256 (GitHub)"
            + " or X-Hub-Signature (Jira) with the tracker's secret")
    public Uni<WebhookAnswer> webhook(@PathParam("id") String id, @HeaderParam("X-GitHub-Event") String event,
                                      @HeaderParam("X-Hub-Signature-256") String signature256, @HeaderParam("X-Hub-Signature") String signature,
                                      byte[] body) {
        return trackers.webhook(PathIds.uuid("Tracker", id), event, signature256, signature, body == null ? new byte[0] : body)
                .map(WebhookAnswer::new);
    }
}
