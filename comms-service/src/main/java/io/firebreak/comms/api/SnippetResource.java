package io.firebreak.comms.api;

import io.firebreak.comms.domain.language.ApprovedLanguage;
import io.firebreak.comms.domain.language.TemplateRules;
import io.firebreak.platform.problem.FreeText;
import io.firebreak.platform.problem.PathIds;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Approved-language snippets: customer-facing wording, versioned, usable once two approvers (one a comms lead) agreed. */
@Path("/api/v1/comms/snippets")
@Produces(MediaType.APPLICATION_JSON)
public class SnippetResource {

    private final ApprovedLanguage language;
    private final Actors actors;

    public SnippetResource(ApprovedLanguage language, Actors actors) {
        this.language = language;
        this.actors = actors;
    }

    public record ProposeRequest(String name, String text) {
    }

    @GET
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Every snippet version, newest first per name")
    public Uni<List<LanguageViews.SnippetView>> list() {
        return language.snippets().map(list -> list.stream().map(LanguageViews.SnippetView::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COMMS_LEAD, Roles.ADMIN})
    @Operation(summary = "Proposes the next version of a named snippet (pending until approved)")
    public Uni<Response> propose(ProposeRequest request) {
        ProposeRequest r = request == null ? new ProposeRequest(null, null) : request;
        List<Violation> violations = new ArrayList<>();
        if (r.name() == null || !TemplateRules.SNIPPET_NAME.matcher(r.name().strip()).matches()) {
            violations.add(new Violation("name", "is required: lower-case letters, digits and hyphens, starting with a letter (used as {snippet.<name with _ for ->})"));
        }
        FreeText.check(violations, "text", r.text(), true, 5_000);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return language.proposeSnippet(actors.current(), r.name().strip(), r.text())
                .map(v -> Response.status(201).entity(LanguageViews.SnippetView.of(v)).build());
    }

    @POST
    @Path("/{version}/approve")
    @RolesAllowed({Roles.COMMS_LEAD, Roles.EXECUTIVE})
    @Operation(summary = "Approves a pending snippet version (never the author's own)")
    public Uni<LanguageViews.SnippetView> approve(@PathParam("version") String version) {
        return language.approveSnippet(actors.current(), PathIds.uuid("Snippet version", version)).map(LanguageViews.SnippetView::of);
    }

    @POST
    @Path("/{version}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COMMS_LEAD, Roles.EXECUTIVE})
    @Operation(summary = "Rejects a pending snippet version with a reason")
    public Uni<LanguageViews.SnippetView> reject(@PathParam("version") String version, LanguageViews.RejectRequest request) {
        List<Violation> violations = new ArrayList<>();
        FreeText.check(violations, "reason", request == null ? null : request.reason(), true, 2000);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return language.rejectSnippet(actors.current(), PathIds.uuid("Snippet version", version), request.reason())
                .map(LanguageViews.SnippetView::of);
    }
}
