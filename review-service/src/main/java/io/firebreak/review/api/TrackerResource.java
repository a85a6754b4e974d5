package io.firebreak.review.api;

import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.firebreak.review.domain.postmortems.Trackers;
import io.firebreak.review.model.Tracker;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Each team's issue tracker (GitHub Issues or Jira) for its action items. */
@Path("/api/v1/review/teams/{team}/tracker")
@Produces(MediaType.APPLICATION_JSON)
public class TrackerResource {

    private final Trackers trackers;
    private final Actors actors;

    public TrackerResource(Trackers trackers, Actors actors) {
        this.trackers = trackers;
        this.actors = actors;
    }

    /** A tracker as shown: never its token (only the credential's name) and its webhook secret only when just generated. */
    public record TrackerView(UUID id, String team, String kind, String apiUrl, String repository, String projectKey, String issueType,
                              String doneTransition, String credential, String webhookPath, String webhookSecret, String configuredBy,
                              Instant configuredAt) {
        static TrackerView of(Tracker t, String secret) {
            return new TrackerView(t.id, t.team, t.kind, t.apiUrl, t.repository, t.projectKey, t.issueType, t.doneTransition, t.credential,
                    "/api/v1/review/trackers/" + t.id + "/webhook", secret, t.configuredBy, t.configuredAt);
        }
    }

    @GET
    @RolesAllowed({Roles.SERVICE_OWNER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The team's tracker (admins, auditors, service owners of the team)")
    public Uni<TrackerView> get(@PathParam("team") String team) {
        return trackers.of(team, actors.current()).map(t -> TrackerView.of(t, null));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Set the team's tracker {kind: GITHUB|JIRA, apiUrl, repository (GitHub owner/name) | projectKey, issueType,"
            + " doneTransition (Jira), credential (name of a configured delivery credential), rotateSecret?}; the webhook secret is"
            + " answered once, when generated")
    public Uni<TrackerView> put(@PathParam("team") String team, Trackers.Settings body) {
        return trackers.configure(team, body, actors.current()).map(c -> TrackerView.of(c.tracker(), c.secret()));
    }

    @DELETE
    @RolesAllowed({Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Stop syncing the team's action items (issues already created stay where they are)")
    public Uni<Response> delete(@PathParam("team") String team) {
        return trackers.remove(team, actors.current()).replaceWith(Response.noContent().build());
    }
}
