package io.firebreak.comms.api;

import io.firebreak.comms.domain.executive.ExecutiveNotifications;
import io.firebreak.comms.model.ExecNotification;
import io.firebreak.platform.access.IncidentScoped;
import io.firebreak.platform.problem.FreeText;
import io.firebreak.platform.problem.PathIds;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.QueryParams;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** An incident's executive notifications: which thresholds fired, when executives were (or must be) told, and justified delays. */
@Path("/api/v1/comms/incidents/{id}/exec-notifications")
@Produces(MediaType.APPLICATION_JSON)
@IncidentScoped
public class ExecNotificationResource {

    private final ExecutiveNotifications executive;
    private final Actors actors;

    public ExecNotificationResource(ExecutiveNotifications executive, Actors actors) {
        this.executive = executive;
        this.actors = actors;
    }

    public record DelayRequest(String justification, String until) {
    }

    public record NotificationView(UUID id, UUID incidentId, String rule, String reason, Instant firedAt, Instant windowDueAt, Instant dueAt,
                                   ExecNotification.State state, UUID messageId, Instant notifiedAt, Boolean late, String delayedBy,
                                   String justification, Instant delayedUntil, Instant overdueAt) {
        static NotificationView of(ExecNotification n) {
            return new NotificationView(n.id, n.incidentId, n.rule, n.reason, n.firedAt, n.windowDueAt, n.dueAt, n.state, n.messageId,
                    n.notifiedAt, n.notifiedAt == null ? null : n.notifiedAt.isAfter(n.windowDueAt), n.delayedBy, n.justification,
                    n.delayedUntil, n.overdueAt);
        }
    }

    @GET
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The incident's executive notifications, in firing order")
    public Uni<List<NotificationView>> list(@PathParam("id") String id) {
        return executive.ofIncident(PathIds.uuid("Incident", id)).map(l -> l.stream().map(NotificationView::of).toList());
    }

    @POST
    @Path("/{notification}/delay")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD})
    @Operation(summary = "The current Communications Lead or IC delays a notification: who, why and until when (bounded); audited")
    public Uni<NotificationView> delay(@PathParam("id") String id, @PathParam("notification") String notification, DelayRequest request) {
        DelayRequest r = request == null ? new DelayRequest(null, null) : request;
        List<Violation> violations = new ArrayList<>();
        FreeText.check(violations, "justification", r.justification(), true, 2000);
        Instant until = null;
        if (r.until() == null || r.until().isBlank()) {
            violations.add(new Violation("until", "is required: when executives will be told at the latest"));
        } else {
            try {
                until = QueryParams.instant("until", r.until());
            } catch (ProblemException e) {
                violations.add(new Violation("until", "must be an ISO-8601 instant, e.g. 2026-12-01T12:00:00Z"));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return executive.delay(actors.current(), PathIds.uuid("Incident", id), PathIds.uuid("Executive notification", notification),
                r.justification(), until).map(NotificationView::of);
    }
}
