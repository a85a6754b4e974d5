package io.firebreak.classification.api;

import io.firebreak.classification.domain.Declaration;
import io.firebreak.classification.domain.Incident;
import io.firebreak.classification.domain.IncidentFilter;
import io.firebreak.classification.domain.IncidentKeys;
import io.firebreak.classification.domain.IncidentService;
import io.firebreak.classification.persistence.IncidentRepository;
import io.firebreak.events.Priority;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.QueryParams;
import io.firebreak.platform.security.Roles;
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

/** The incident registry: manual declaration, lookup by id or key, and a paged, filterable list. */
@Path("/api/v1/classification/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IncidentResource {

    private final IncidentService service;
    private final IncidentRepository incidents;
    private final SecurityIdentity identity;

    public IncidentResource(IncidentService service, IncidentRepository incidents, SecurityIdentity identity) {
        this.service = service;
        this.incidents = incidents;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.SERVICE_OWNER})
    @Operation(summary = "Declare an incident", description = "Stores the incident with key INC-<year>-<sequence> and "
            + "publishes io.firebreak.incident.declared.v1 in the same transaction.")
    public Uni<RestResponse<IncidentView>> declare(@Valid @NotNull DeclareIncidentRequest request, UriInfo uri) {
        Declaration declaration = new Declaration(request.title().strip(), request.summary().strip(),
                request.businessService(), Priority.valueOf(request.priority()), request.detectedAt().toInstant(),
                identity.getPrincipal().getName());
        return service.declare(declaration).map(incident -> RestResponse.ResponseBuilder
                .<IncidentView>created(uri.getAbsolutePathBuilder().path(incident.id.toString()).build())
                .entity(IncidentView.of(incident))
                .build());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "One incident, by id or by key (INC-2026-0001)")
    public Uni<IncidentView> get(@PathParam("id") String id) {
        Uni<Incident> found;
        if (IncidentKeys.looksLikeKey(id)) {
            found = incidents.findByKey(id);
        } else {
            UUID uuid = parseUuid(id);
            found = uuid == null ? Uni.createFrom().nullItem() : incidents.findById(uuid);
        }
        return found.onItem().ifNull().failWith(() -> ProblemException.notFound("Incident", id)).map(IncidentView::of);
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

    private static UUID parseUuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
