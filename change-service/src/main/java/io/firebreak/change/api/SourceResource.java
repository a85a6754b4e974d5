package io.firebreak.change.api;

import io.firebreak.change.domain.intake.Intake;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The GitHub and GitLab repositories whose webhooks change accepts, each with its own URL and secret. */
@Path("/api/v1/change/sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourceResource {

    private final Intake intake;
    private final Actors actors;

    public SourceResource(Intake intake, Actors actors) {
        this.intake = intake;
        this.actors = actors;
    }

    public record SourceRequest(String kind, String repository, String service) {
    }

    /** The source with its secret, shown once: paste it into the repository's webhook settings. */
    public record RegisteredSource(ChangeViews.SourceView source, String secret) {
    }

    @GET
    @RolesAllowed({Roles.CHANGE_APPROVER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The repositories whose webhooks change accepts (without secrets)")
    public Uni<List<ChangeViews.SourceView>> sources() {
        return intake.sources().map(l -> l.stream().map(ChangeViews.SourceView::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CHANGE_APPROVER, Roles.ADMIN})
    @Operation(summary = "Register a repository {kind: GITHUB|GITLAB, repository, service}; answers its webhook path and secret once")
    public Uni<Response> register(SourceRequest body) {
        if (body == null) {
            throw ProblemException.invalid(List.of(new Violation("body", "is required")));
        }
        return intake.register(body.kind(), body.repository(), body.service(), actors.current())
                .map(r -> Response.status(201).entity(new RegisteredSource(ChangeViews.SourceView.of(r.source()), r.secret())).build());
    }
}
