package io.firebreak.change.api;

import io.firebreak.change.domain.intake.Intake;
import io.firebreak.events.ChangeLinked;
import io.firebreak.platform.problem.PathIds;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Where commits and deployments come in: GitHub and GitLab webhooks, one URL per registered repository, each proved by
 * its documented signature (GitHub {@code X-Hub-Signature-256}) or token (GitLab {@code X-Gitlab-Token}) rather than
 * a bearer token. PagerDuty change events arrive through classification's {@code /v2/change/enqueue}.
 */
@Path("/api/v1/change/intake")
@Produces(MediaType.APPLICATION_JSON)
public class IntakeResource {

    private final Intake intake;

    public IntakeResource(Intake intake) {
        this.intake = intake;
    }

    public record Accepted(int received, int recorded, List<ChangeLinked> links) {
    }

    @POST
    @Path("/github/{source}")
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "GitHub push and deployment_status webhooks (content type application/json), proved by X-Hub-Signature-256")
    public Uni<Response> github(@PathParam("source") String source, @HeaderParam("X-GitHub-Event") String event,
                                @HeaderParam("X-GitHub-Delivery") String delivery, @HeaderParam("X-Hub-Signature-256") String signature,
                                byte[] body) {
        UUID id = PathIds.uuid("Source", source);
        return intake.github(id, event, delivery, signature, body == null ? new byte[0] : body).map(IntakeResource::answer);
    }

    @POST
    @Path("/gitlab/{source}")
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "GitLab push and deployment webhooks, proved by X-Gitlab-Token")
    public Uni<Response> gitlab(@PathParam("source") String source, @HeaderParam("X-Gitlab-Event") String event,
                                @HeaderParam("X-Gitlab-Event-UUID") String delivery, @HeaderParam("X-Gitlab-Token") String token, byte[] body) {
        UUID id = PathIds.uuid("Source", source);
        return intake.gitlab(id, event, delivery, token, body == null ? new byte[0] : body).map(IntakeResource::answer);
    }

    private static Response answer(Intake.Outcome o) {
        return Response.status(202).entity(new Accepted(o.received(), o.recorded(), o.links())).build();
    }
}
