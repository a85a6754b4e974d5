package io.firebreak.comms.api;

import io.firebreak.comms.domain.status.StatusRules;
import io.firebreak.comms.domain.status.StatusUpdates;
import io.firebreak.comms.model.StatusState;
import io.firebreak.comms.model.StatusVersion;
import io.firebreak.platform.access.IncidentScoped;
import io.firebreak.platform.problem.PathIds;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.time.TimeBounds;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** An incident's status: every version, the newest first, and publishing the next one. */
@Path("/api/v1/comms/incidents/{id}/status")
@Produces(MediaType.APPLICATION_JSON)
@IncidentScoped
public class StatusResource {

    private final StatusUpdates updates;
    private final Actors actors;

    public StatusResource(StatusUpdates updates, Actors actors) {
        this.updates = updates;
        this.actors = actors;
    }

    public record PublishRequest(String state, String impact, List<String> affectedServices, String nextUpdateDueAt, Integer correctionOf) {
    }

    public record VersionView(int version, StatusState state, String impact, List<String> affectedServices, Instant nextUpdateDueAt,
                              Integer correctionOf, String publishedBy, Instant publishedAt) {
        static VersionView of(StatusVersion v) {
            return new VersionView(v.version, v.state, v.impact, v.affectedServices, v.nextUpdateDueAt, v.correctionOf, v.publishedBy,
                    v.publishedAt);
        }
    }

    /** {@code current} is the version every message derives from; older ones are superseded. */
    public record StatusView(UUID incidentId, String incidentKey, VersionView current, List<VersionView> versions) {
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Every version of the incident's status, newest (current) first")
    public Uni<StatusView> get(@PathParam("id") String id) {
        return updates.of(PathIds.uuid("Incident", id)).map(h -> {
            List<VersionView> versions = h.versions().stream().map(VersionView::of).toList();
            return new StatusView(h.incident().incidentId, h.incident().incidentKey, versions.isEmpty() ? null : versions.get(0), versions);
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.ADMIN})
    @Operation(summary = "Publishes the next version of the status; only the incident's current Communications Lead (403 otherwise)",
            description = "Supersedes the current version (a correction names the one it corrects). nextUpdateDueAt defaults to one"
                    + " cadence ahead (P1 30 min, P2 60 min, else 4 h), at most 24 h; none once RESOLVED. status.published;"
                    + " status.update_overdue when it passes without a newer version.")
    public Uni<Response> publish(@PathParam("id") String id, PublishRequest request) {
        UUID incident = PathIds.uuid("Incident", id);
        PublishRequest r = request == null ? new PublishRequest(null, null, null, null, null) : request;
        StatusState state = null;
        Instant due = null;
        List<Violation> violations = new java.util.ArrayList<>();
        if (r.state() != null && !r.state().isBlank()) {
            try {
                state = StatusState.valueOf(r.state().strip());
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("state", "must be INVESTIGATING, IDENTIFIED, MONITORING or RESOLVED"));
            }
        }
        if (r.nextUpdateDueAt() != null && !r.nextUpdateDueAt().isBlank()) {
            try {
                due = TimeBounds.instant(r.nextUpdateDueAt().strip());
            } catch (DateTimeParseException e) {
                violations.add(new Violation("nextUpdateDueAt", "an RFC 3339 UTC time, e.g. 2026-12-01T10:30:00Z"));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return updates.publish(actors.current(), incident, new StatusRules.Draft(state, r.impact(), r.affectedServices(), due, r.correctionOf()))
                .map(v -> Response.status(201).entity(VersionView.of(v)).build());
    }
}
