package io.firebreak.review.api;

import io.firebreak.platform.access.IncidentScoped;
import io.firebreak.platform.problem.PathIds;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.firebreak.review.domain.postmortems.ActionItems;
import io.firebreak.review.model.ActionItem;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** An incident's action items: every gap with a named owner and deadline, closed with evidence where the loop needs it. */
@Path("/api/v1/review/incidents/{id}/action-items")
@Produces(MediaType.APPLICATION_JSON)
@IncidentScoped
public class ActionItemResource {

    private final ActionItems items;
    private final Actors actors;

    public ActionItemResource(ActionItems items, Actors actors) {
        this.items = items;
        this.actors = actors;
    }

    public record ItemView(UUID id, String title, String description, String owner, Instant deadline, String priority, String type, String team,
                           String state, String createdBy, Instant createdAt, String completedBy, Instant completedAt, String evidence,
                           Instant overdueAt, List<String> escalatedTo, TrackerIssue tracker) {
        static ItemView of(ActionItem a) {
            return new ItemView(a.id, a.title, a.description, a.owner, a.deadline, a.priority, a.type, a.team, a.state, a.createdBy, a.createdAt,
                    a.completedBy, a.completedAt, a.evidence, a.overdueAt, a.escalatedTo,
                    a.trackerId == null ? null : new TrackerIssue(a.trackerRef, a.trackerUrl, a.trackerStatus, a.trackerError));
        }
    }

    /** The item's issue in its team's tracker: number or key, link, sync status, and the last sync error. */
    public record TrackerIssue(String reference, String url, String status, String error) {
    }

    public record CompletionRequest(String evidence) {
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER,
            Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The post-mortem's action items, oldest first")
    public Uni<List<ItemView>> list(@PathParam("id") String id) {
        return items.of(PathIds.uuid("Incident", id)).map(l -> l.stream().map(ItemView::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Add an action item {title, description?, owner, deadline, priority: HIGH|MEDIUM|LOW, type: FIX|RUNBOOK_UPDATE|"
            + "TRAINING_MATERIAL|MONITORING_CONFIGURATION|ARCHITECTURE}; no owner or no deadline is refused")
    public Uni<Response> create(@PathParam("id") String id, ActionItems.Input body) {
        if (body == null) {
            throw ProblemException.invalid(List.of(new Violation("body", "is required")));
        }
        return items.create(PathIds.uuid("Incident", id), body, actors.current()).map(a -> Response.status(201).entity(ItemView.of(a)).build());
    }

    @POST
    @Path("/{itemId}/completion")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER,
            Roles.ADMIN})
    @Operation(summary = "Complete an item {evidence?} — its owner or a writer of the post-mortem; runbook, training and monitoring items"
            + " need a link to the changed document, course or alert rule")
    public Uni<ItemView> complete(@PathParam("id") String id, @PathParam("itemId") String itemId, CompletionRequest body) {
        return items.complete(PathIds.uuid("Incident", id), PathIds.uuid("Action item", itemId), body == null ? null : body.evidence(),
                actors.current()).map(ItemView::of);
    }
}
