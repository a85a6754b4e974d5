package io.firebreak.classification.api;

import io.firebreak.platform.security.Actors;
import io.firebreak.classification.model.ClassificationBasis;
import io.firebreak.classification.domain.Declaration;
import io.firebreak.classification.model.IncidentFilter;
import io.firebreak.classification.domain.IncidentDeclarations;
import io.firebreak.classification.domain.IncidentQueries;
import io.firebreak.classification.domain.Reclassifications;
import io.firebreak.classification.model.policy.ImpactFacts;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.problem.Violations;
import jakarta.validation.Validator;
import jakarta.ws.rs.PUT;
import java.util.List;
import io.firebreak.events.Priority;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.QueryParams;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.work.AfterCommit;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The incident registry: manual declaration, reclassification and final priority, lookup by id or
 * key, the classification history, and a paged, filterable list.
 */
@Path("/api/v1/classification/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IncidentResource {

    private final IncidentDeclarations declarations;
    private final Reclassifications reclassifications;
    private final IncidentQueries incidents;
    private final SecurityIdentity identity;
    private final Actors actors;
    private final Validator validator;

    public IncidentResource(IncidentDeclarations declarations, Reclassifications reclassifications, IncidentQueries incidents,
                            SecurityIdentity identity, Actors actors, Validator validator) {
        this.declarations = declarations;
        this.reclassifications = reclassifications;
        this.incidents = incidents;
        this.identity = identity;
        this.actors = actors;
        this.validator = validator;
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    @POST
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.SERVICE_OWNER})
    @Operation(summary = "Declare an incident", description = "The active policy computes the priority from the impact facts; "
            + "the incident gets a key INC-<year>-<sequence> and io.firebreak.incident.declared.v1 is published in the "
            + "same transaction. Every invalid field, unknown service included, is reported together.")
    public Uni<RestResponse<IncidentView>> declare(DeclareIncidentRequest request, UriInfo uri) {
        if (request == null) {
            return Uni.createFrom().failure(ProblemException.invalid(List.of(new Violation("body", "is required"))));
        }
        List<Violation> violations = Violations.of(validator.validate(request));
        boolean structurallyUsable = violations.stream().noneMatch(v -> v.field().startsWith("impact") || v.field().equals("priority"));
        Declaration declaration = new Declaration(strip(request.title()), strip(request.summary()), request.businessService(),
                structurallyUsable ? ImpactFactsInput.toFacts(request.impact()) : ImpactFacts.NONE,
                request.detectedAt() == null ? null : request.detectedAt().toInstant(),
                request.priority() == null || !request.priority().matches("P[1-4]") ? null : Priority.valueOf(request.priority()),
                request.justification(), identity.getPrincipal().getName(), null, ClassificationBasis.REPORTER,
                Boolean.TRUE.equals(request.drill()));
        // An after-commit scope around the declaration's transaction: its incident.declared leaves at the commit.
        return AfterCommit.around(() -> declarations.declare(declaration, violations)).map(incident -> RestResponse.ResponseBuilder
                .<IncidentView>created(uri.getAbsolutePathBuilder().path(incident.id.toString()).build())
                .entity(IncidentView.of(incident))
                .build());
    }

    @POST
    @Path("{id}/reclassify")
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.SERVICE_OWNER})
    @Operation(summary = "Change the priority, with a reason (and the facts as now measured)")
    public Uni<IncidentView> reclassify(@PathParam("id") UUID id, @Valid @NotNull PriorityChangeRequest request) {
        return reclassifications.reclassify(id, Priority.valueOf(request.priority()), request.reason(),
                request.impact() == null ? null : request.impact().toFacts(), actors.current()).map(IncidentView::of);
    }

    @PUT
    @Path("{id}/final-priority")
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.ADMIN})
    @Operation(summary = "Record the priority the incident should have had, as the post-mortem established it")
    public Uni<IncidentView> finalPriority(@PathParam("id") UUID id, @Valid @NotNull PriorityChangeRequest request) {
        return reclassifications.recordFinalPriority(id, Priority.valueOf(request.priority()), request.reason(), actors.current())
                .map(IncidentView::of);
    }

    @GET
    @Path("{id}/classification-history")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Every priority decision of the incident, oldest first, with explanation, actor and policy version")
    public Uni<List<DecisionView>> history(@PathParam("id") UUID id) {
        return incidents.history(id).map(l -> l.stream().map(DecisionView::of).toList());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "One incident, by id or by key (INC-2026-0001)")
    public Uni<IncidentView> get(@PathParam("id") String id) {
        return incidents.byIdOrKey(id).map(IncidentView::of);
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Incidents, newest first, filtered by priority, business service and declaration time")
    public Uni<IncidentPage> list(
            @QueryParam("priority") @Pattern(regexp = "P[1-4]", message = "must be one of P1, P2, P3, P4") String priority,
            @QueryParam("businessService") String businessService,
            @QueryParam("declaredFrom") String declaredFrom,
            @QueryParam("declaredTo") String declaredTo,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        IncidentFilter filter = new IncidentFilter(priority == null ? null : Priority.valueOf(priority), businessService,
                QueryParams.instant("declaredFrom", declaredFrom), QueryParams.instant("declaredTo", declaredTo));
        return incidents.search(filter, page, size).map(result -> new IncidentPage(
                result.items().stream().map(IncidentView::of).toList(), page, size, result.total()));
    }
}
