package io.firebreak.metrics.api;

import io.firebreak.metrics.domain.facts.MetricsQueries;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Repeat failures of a service: incidents sharing an alert fingerprint or a contributing factor in the window. */
@Path("/api/v1/metrics/recurrence")
@Produces(MediaType.APPLICATION_JSON)
public class RecurrenceResource {

    private final MetricsQueries queries;
    private final Actors actors;

    public RecurrenceResource(MetricsQueries queries, Actors actors) {
        this.queries = queries;
        this.actors = actors;
    }

    @GET
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.SERVICE_OWNER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The service's recurring causes in the window ending now (groups of two or more; breached at the threshold) and"
            + " its recurrence rate; incidents of restricted war rooms outside the caller's are counted in hidden")
    public Uni<MetricsQueries.RecurrenceView> get(@QueryParam("service") String service) {
        return queries.recurrence(service, actors.current());
    }
}
