package io.firebreak.metrics.api;

import io.firebreak.metrics.domain.facts.MetricsQueries;
import io.firebreak.platform.access.IncidentScoped;
import io.firebreak.platform.problem.PathIds;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** One incident's figures: counted or not, its MTTA/MTTR/MTTE and the findings that keep it out. */
@Path("/api/v1/metrics/incidents/{id}")
@Produces(MediaType.APPLICATION_JSON)
@IncidentScoped
public class IncidentMetricsResource {

    private final MetricsQueries queries;

    public IncidentMetricsResource(MetricsQueries queries) {
        this.queries = queries;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER,
            Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The incident's figures and data-quality findings")
    public Uni<MetricsQueries.IncidentFigures> get(@PathParam("id") String id) {
        return queries.incident(PathIds.uuid("Incident", id));
    }
}
