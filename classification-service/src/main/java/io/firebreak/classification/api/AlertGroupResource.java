package io.firebreak.classification.api;

import io.firebreak.classification.domain.intake.AlertGroup;
import io.firebreak.classification.persistence.AlertGroupRepository;
import io.firebreak.platform.security.Roles;
import io.quarkus.panache.common.Sort;
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

    private final AlertGroupRepository groups;

    public AlertGroupResource(AlertGroupRepository groups) {
        this.groups = groups;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    public Uni<List<AlertGroupView>> list(@QueryParam("service") @NotBlank String service, @QueryParam("dedupKey") String dedupKey) {
        var query = dedupKey == null ? groups.find("service", Sort.descending("firstSignalAt"), service)
                : groups.find("service = ?1 and dedupKey = ?2", Sort.descending("firstSignalAt"), service, dedupKey);
        return query.page(0, 200).list().map(l -> l.stream().map(AlertGroupView::of).toList());
    }
}
