package io.firebreak.classification.api;

import io.firebreak.platform.security.Actors;
import io.firebreak.classification.domain.catalog.CatalogGraph;
import io.firebreak.classification.domain.catalog.CatalogService;
import io.firebreak.classification.model.catalog.DependencyKind;
import io.firebreak.classification.domain.catalog.ImpactAnalysis;
import io.firebreak.classification.model.catalog.ServiceDependency;
import io.firebreak.classification.model.catalog.SlaTarget;
import io.firebreak.events.Priority;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import io.firebreak.platform.api.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/** The business-service catalog and its dependency matrix. Changes: service owners (their own services) and admins. */
@Path("/api/v1/classification/services")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServiceCatalogResource {

    private final CatalogService catalog;
    private final CatalogGraph graph;
    private final Actors actors;

    public ServiceCatalogResource(CatalogService catalog, CatalogGraph graph, Actors actors) {
        this.catalog = catalog;
        this.graph = graph;
        this.actors = actors;
    }

    @POST
    @RolesAllowed({Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Register a business service", description = "Its SLA becomes active when an owner signs it off "
            + "(at once when the registering person is an owner).")
    public Uni<RestResponse<ServiceView>> register(@Valid @NotNull ServiceRequest request, UriInfo uri) {
        return catalog.register(request.toDefinition(null), actors.current()).map(s -> RestResponse.ResponseBuilder
                .<ServiceView>created(uri.getAbsolutePathBuilder().path(s.name).build()).entity(ServiceView.of(s)).build());
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Business services by name, a page at a time (cursor: the last name of the previous page)")
    public Uni<Page<ServiceView>> list(@QueryParam("after") String after,
                                       @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return catalog.page(after, limit).map(page -> new Page<>(page.items().stream().map(ServiceView::of).toList(), page.next()));
    }

    @GET
    @Path("{name}")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    public Uni<ServiceView> get(@PathParam("name") String name) {
        return catalog.existing(name).map(ServiceView::of);
    }

    @PUT
    @Path("{name}")
    @RolesAllowed({Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Update a business service (not its SLA, which changes through sign-off)")
    public Uni<ServiceView> update(@PathParam("name") String name, @Valid @NotNull ServiceRequest request) {
        return catalog.update(name, request.toDefinition(name), actors.current()).map(ServiceView::of);
    }

    @DELETE
    @Path("{name}")
    @RolesAllowed({Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Remove a service no incident references (409 otherwise)")
    public Uni<RestResponse<Void>> deregister(@PathParam("name") String name) {
        return catalog.deregister(name, actors.current()).replaceWith(RestResponse.noContent());
    }

    @PUT
    @Path("{name}/sla")
    @RolesAllowed({Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Propose a new SLA; it becomes active only after an owner signs it off")
    public Uni<RestResponse<SlaChangeView>> proposeSla(@PathParam("name") String name,
                                                       @NotEmpty Map<Priority, @Valid SlaTarget> sla) {
        return catalog.proposeSla(name, sla, actors.current())
                .map(c -> RestResponse.status(RestResponse.Status.ACCEPTED, SlaChangeView.of(c)));
    }

    @GET
    @Path("{name}/sla-changes")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    public Uni<List<SlaChangeView>> slaChanges(@PathParam("name") String name) {
        return catalog.slaChanges(name)
                .map(l -> l.stream().map(SlaChangeView::of).toList());
    }

    @POST
    @Path("{name}/sla-changes/{id}/sign-off")
    @RolesAllowed({Roles.SERVICE_OWNER})
    @Operation(summary = "Sign off a proposed SLA (an owner of the service, with a comment)")
    public Uni<SlaChangeView> signOffSla(@PathParam("name") String name, @PathParam("id") UUID id,
                                         @Valid @NotNull SignOffRequest request) {
        return catalog.signOffSla(name, id, request.comment(), actors.current()).map(SlaChangeView::of);
    }

    @GET
    @Path("{name}/dependencies")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    public Uni<List<DependencyInput>> dependencies(@PathParam("name") String name) {
        return catalog.dependencies(name)
                .map(l -> l.stream().map(d -> new DependencyInput(d.dependency, d.kind.name())).toList());
    }

    @PUT
    @Path("{name}/dependencies")
    @RolesAllowed({Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Replace what this service depends on (cycles are allowed)")
    public Uni<List<DependencyInput>> replaceDependencies(@PathParam("name") String name,
                                                          @NotNull List<@Valid DependencyInput> wanted) {
        List<ServiceDependency> entities = wanted.stream().map(w -> {
            ServiceDependency d = new ServiceDependency();
            d.dependency = w.dependency();
            d.kind = DependencyKind.valueOf(w.kind());
            return d;
        }).toList();
        return catalog.replaceDependencies(name, new java.util.ArrayList<>(entities), actors.current())
                .map(l -> l.stream().map(d -> new DependencyInput(d.dependency, d.kind.name())).toList());
    }

    @GET
    @Path("{name}/impact")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Everything transitively affected when this service fails, with paths and whom to engage",
            description = "The Server-Timing header (impact;dur=ms) says how long the service took to compute the answer, "
                    + "before serialising it.")
    public Uni<RestResponse<ImpactAnalysis>> impact(@PathParam("name") String name) {
        long started = System.nanoTime();
        return catalog.existing(name).chain(() -> graph.impactOf(name)).map(analysis -> RestResponse.ResponseBuilder.ok(analysis)
                .header("Server-Timing", String.format(java.util.Locale.ROOT, "impact;dur=%.1f", (System.nanoTime() - started) / 1e6))
                .build());
    }
}
