package io.firebreak.classification.api;

import io.firebreak.classification.model.intake.AlertGroup;
import io.firebreak.classification.domain.intake.AlertGroups;
import io.firebreak.platform.api.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Alert groups of a service: signals grouped by dedup key, and the incident each one declared. */
@Path("/api/v1/classification/alert-groups")
@Produces(MediaType.APPLICATION_JSON)
public class AlertGroupResource {

    /** One alert group. */
    public record AlertGroupView(UUID id, String service, String dedupKey, AlertGroup.Status status, String summary,
                                 String severity, int signalCount, Instant firstSignalAt, Instant lastSignalAt,
                                 Instant resolvedAt, UUID incidentId) {
        static AlertGroupView of(AlertGroup g) {
            return new AlertGroupView(g.id, g.service, g.dedupKey, g.status, g.summary, g.severity, g.signalCount,
                    g.firstSignalAt, g.lastSignalAt, g.resolvedAt, g.incidentId);
        }
    }

    private final AlertGroups groups;

    public AlertGroupResource(AlertGroups groups) {
        this.groups = groups;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "A service's alert groups, newest first, a page at a time")
    public Uni<Page<AlertGroupView>> list(@QueryParam("service") @NotBlank String service, @QueryParam("dedupKey") String dedupKey,
                                          @QueryParam("after") String after,
                                          @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return groups.page(service, dedupKey, after, limit)
                .map(page -> new Page<>(page.items().stream().map(AlertGroupView::of).toList(), page.next()));
    }
}
