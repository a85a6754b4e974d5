package io.firebreak.classification.api;

import io.firebreak.platform.security.Actors;
import io.firebreak.classification.model.policy.Evaluation;
import io.firebreak.classification.domain.policy.PolicyService;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import io.firebreak.platform.api.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/** Classification policy versions: draft, dry-run, submit, sign off, activate. */
@Path("/api/v1/classification/policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PolicyResource {

    private final PolicyService service;
    private final Actors actors;

    public PolicyResource(PolicyService service, Actors actors) {
        this.service = service;
        this.actors = actors;
    }

    @POST
    @RolesAllowed({Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Create a draft policy version (immutable; evaluable, never used live until signed off)")
    public Uni<RestResponse<PolicyView>> draft(@Valid @NotNull PolicyRequest request, UriInfo uri) {
        return service.draft(request.description(), request.rules(), actors.current()).map(p -> RestResponse.ResponseBuilder
                .<PolicyView>created(uri.getAbsolutePathBuilder().path(String.valueOf(p.version)).build())
                .entity(PolicyView.of(p)).build());
    }

    @POST
    @Path("starter")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Create a draft from the shipped starter policy, to adopt (submit and sign off) or tune first",
            description = "A fresh install governs no service: until an owner signs a policy off for a service, its alerts are "
                    + "classified by severity and tier (unclassified) and declarations need the reporter's priority.")
    public Uni<RestResponse<PolicyView>> starter(UriInfo uri) {
        return service.draftStarter(actors.current()).map(p -> RestResponse.ResponseBuilder
                .<PolicyView>created(uri.getBaseUriBuilder().path("api/v1/classification/policies").path(String.valueOf(p.version)).build())
                .entity(PolicyView.of(p)).build());
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Policy versions, newest first, a page at a time (cursor: the last version of the previous page)")
    public Uni<Page<PolicyView>> list(@QueryParam("after") Integer after,
                                      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return service.page(after, limit).map(page -> new Page<>(page.items().stream().map(PolicyView::of).toList(), page.next()));
    }

    @GET
    @Path("active")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The version used for live incidents")
    public Uni<PolicyView> active() {
        return service.active().map(PolicyView::of);
    }

    @GET
    @Path("{version}")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    public Uni<PolicyView> get(@PathParam("version") int version) {
        return service.existing(version).map(PolicyView::of);
    }

    @POST
    @Path("{version}/evaluate")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Dry-run: the priority these facts would get, with the explanation")
    public Uni<Evaluation> evaluate(@PathParam("version") int version, @Valid @NotNull EvaluateRequest request) {
        return service.evaluate(version, request.service(), request.tier(), request.facts().toFacts());
    }

    @POST
    @Path("{version}/submit")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Submit a draft for sign-off by an owner of each affected service")
    public Uni<PolicyView> submit(@PathParam("version") int version) {
        return service.submit(version, actors.current()).map(PolicyView::of);
    }

    @POST
    @Path("{version}/sign-offs")
    @RolesAllowed({Roles.SERVICE_OWNER})
    @Operation(summary = "Sign off a submitted version for one affected service you own; the last sign-off activates it")
    public Uni<PolicyView> signOff(@PathParam("version") int version, @Valid @NotNull SignOffRequest request) {
        return service.signOff(version, request.service(), request.comment(), actors.current()).map(PolicyView::of);
    }

    @GET
    @Path("{version}/sign-offs")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    public Uni<List<SignOffView>> signOffs(@PathParam("version") int version) {
        return service.signoffsOf(version).map(l -> l.stream().map(SignOffView::of).toList());
    }
}
