package io.firebreak.response.api.bridge;

import io.firebreak.platform.access.IncidentScoped;
import io.firebreak.platform.problem.PathIds;
import io.firebreak.platform.problem.QueryParams;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.firebreak.response.domain.bridge.Bridges;
import io.firebreak.response.domain.bridge.Bridges.Settings;
import io.firebreak.response.domain.bridge.Bridges.UpdateDraft;
import io.firebreak.response.model.bridge.Bridge;
import io.firebreak.response.model.bridge.BridgeDecision;
import io.firebreak.response.model.bridge.BridgeUpdate;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The incident's bridge: where to meet, the update cadence, and every update with its decisions. */
@IncidentScoped
@Path("/api/v1/response/incidents/{id}/bridge")
@Produces(MediaType.APPLICATION_JSON)
public class BridgeResource {

    private final Bridges bridges;
    private final Actors actors;

    public BridgeResource(Bridges bridges, Actors actors) {
        this.bridges = bridges;
        this.actors = actors;
    }

    public record SettingsRequest(String url, String dialIn, Integer cadenceMinutes) {
    }

    public record UpdateRequest(String status, List<BridgeDecision> decisions, String nextCheckpointAt) {
    }

    public record UpdateView(UUID id, int seq, String status, List<BridgeDecision> decisions, Instant nextCheckpointAt, String recordedBy,
                             Instant recordedAt, boolean late) {
        static UpdateView of(BridgeUpdate u) {
            return new UpdateView(u.id, u.seq, u.status, u.decisions, u.nextCheckpointAt, u.recordedBy, u.recordedAt, u.late);
        }
    }

    /** The bridge, its updates, and every decision taken on it (for the post-mortem) in order. */
    public record BridgeView(UUID incidentId, String url, String dialIn, int cadenceMinutes, Instant nextCheckpointAt, Instant overdueSince,
                             String openedBy, Instant openedAt, List<UpdateView> updates, List<BridgeDecision> decisions) {
        static BridgeView of(Bridge b, List<BridgeUpdate> updates) {
            return new BridgeView(b.incidentId, b.url, b.dialIn, b.cadenceMinutes, b.nextCheckpointAt, b.overdueSince, b.openedBy, b.openedAt,
                    updates.stream().map(UpdateView::of).toList(), updates.stream().flatMap(u -> u.decisions.stream()).toList());
        }
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The bridge, its updates and the decisions taken on it")
    public Uni<BridgeView> get(@PathParam("id") String id) {
        return bridges.of(PathIds.uuid("Incident", id)).map(s -> BridgeView.of(s.bridge(), s.updates()));
    }

    @PUT
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.ADMIN})
    @Operation(summary = "Opens the bridge or changes its place and cadence (default P1 30 min, P2 60 min); the incident's commander or admin")
    public Uni<BridgeView> open(@PathParam("id") String id, SettingsRequest request) {
        SettingsRequest r = request == null ? new SettingsRequest(null, null, null) : request;
        UUID incident = PathIds.uuid("Incident", id);
        return bridges.open(actors.current(), incident, new Settings(r.url(), r.dialIn(), r.cadenceMinutes()))
                .chain(() -> bridges.of(incident)).map(s -> BridgeView.of(s.bridge(), s.updates()));
    }

    @POST
    @Path("updates")
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.ADMIN})
    @Operation(summary = "Records an update: status, decisions (decision, owner, deadline) and the next checkpoint (at most one cadence ahead)",
            description = "By the incident's commander, its scribe or an admin; a missed checkpoint publishes bridge.update_overdue.")
    public Uni<Response> update(@PathParam("id") String id, UpdateRequest request) {
        UpdateRequest r = request == null ? new UpdateRequest(null, null, null) : request;
        Instant next = r.nextCheckpointAt() == null ? null : QueryParams.instant("nextCheckpointAt", r.nextCheckpointAt());
        return bridges.update(actors.current(), PathIds.uuid("Incident", id), new UpdateDraft(r.status(), r.decisions(), next))
                .map(u -> Response.status(201).entity(UpdateView.of(u)).build());
    }
}
