package io.firebreak.comms.api;

import io.firebreak.comms.domain.language.ApprovedLanguage;
import io.firebreak.comms.domain.language.TemplateRules;
import io.firebreak.comms.model.Audience;
import io.firebreak.comms.model.Scenario;
import io.firebreak.platform.problem.EnumFields;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Audience templates per scenario: versions proposed, approved (comms lead; customer ones by a second approver) or rejected. */
@Path("/api/v1/comms/templates")
@Produces(MediaType.APPLICATION_JSON)
public class TemplateResource {

    private final ApprovedLanguage language;
    private final Actors actors;

    public TemplateResource(ApprovedLanguage language, Actors actors) {
        this.language = language;
        this.actors = actors;
    }

    public record ProposeRequest(String audience, String scenario, String subject, String body) {
    }

    @GET
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Every template version, newest first per audience and scenario, with approvals and what each pending one still needs")
    public Uni<List<LanguageViews.TemplateView>> list(@QueryParam("audience") String audience, @QueryParam("scenario") String scenario) {
        List<Violation> violations = new ArrayList<>();
        Audience a = EnumFields.parse(violations, "audience", audience, Audience.class, false);
        Scenario s = EnumFields.parse(violations, "scenario", scenario, Scenario.class, false);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return language.templates(a, s).map(list -> list.stream().map(LanguageViews.TemplateView::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COMMS_LEAD, Roles.ADMIN})
    @Operation(summary = "Proposes the next version of a template (pending until approved); 400 for an unknown placeholder")
    public Uni<Response> propose(ProposeRequest request) {
        ProposeRequest r = request == null ? new ProposeRequest(null, null, null, null) : request;
        List<Violation> violations = new ArrayList<>();
        Audience a = EnumFields.parse(violations, "audience", r.audience(), Audience.class, true);
        Scenario s = EnumFields.parse(violations, "scenario", r.scenario(), Scenario.class, true);
        FreeText.check(violations, "subject", r.subject(), true, 300);
        FreeText.check(violations, "body", r.body(), true, 20_000);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return language.proposeTemplate(actors.current(), a, s, r.subject(), r.body())
                .map(v -> Response.status(201).entity(LanguageViews.TemplateView.of(v)).build());
    }

    @GET
    @Path("/vocabulary")
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The placeholders a template may use")
    public Vocabulary vocabulary() {
        return new Vocabulary(TemplateRules.placeholders());
    }

    public record Vocabulary(List<String> placeholders) {
    }

    @POST
    @Path("/{version}/approve")
    @RolesAllowed({Roles.COMMS_LEAD, Roles.EXECUTIVE})
    @Operation(summary = "Approves a pending version (never the author's own); it is used once its approvals are complete")
    public Uni<LanguageViews.TemplateView> approve(@PathParam("version") String version) {
        return language.approveTemplate(actors.current(), PathIds.uuid("Template version", version)).map(LanguageViews.TemplateView::of);
    }

    @POST
    @Path("/{version}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COMMS_LEAD, Roles.EXECUTIVE})
    @Operation(summary = "Rejects a pending version with a reason")
    public Uni<LanguageViews.TemplateView> reject(@PathParam("version") String version, LanguageViews.RejectRequest request) {
        List<Violation> violations = new ArrayList<>();
        FreeText.check(violations, "reason", request == null ? null : request.reason(), true, 2000);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return language.rejectTemplate(actors.current(), PathIds.uuid("Template version", version), request.reason())
                .map(LanguageViews.TemplateView::of);
    }
}
