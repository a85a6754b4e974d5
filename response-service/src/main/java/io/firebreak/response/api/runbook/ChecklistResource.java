package io.firebreak.response.api.runbook;

import io.firebreak.platform.access.IncidentScoped;
import io.firebreak.platform.problem.PathIds;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.firebreak.response.domain.runbook.Runbooks;
import io.firebreak.response.model.runbook.ChecklistItem;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The checklists of an incident's roles, from the runbook version each role instantiated. */
@IncidentScoped
@Path("/api/v1/response/incidents/{id}/checklist")
@Produces(MediaType.APPLICATION_JSON)
public class ChecklistResource {

    private final Runbooks runbooks;
    private final Actors actors;

    public ChecklistResource(Runbooks runbooks, Actors actors) {
        this.runbooks = runbooks;
        this.actors = actors;
    }

    public record ItemView(UUID id, String role, String key, String text, boolean critical, int runbookVersion, Instant dueAt, Instant doneAt,
                           String doneBy, Instant overdueAt) {
        static ItemView of(ChecklistItem i) {
            return new ItemView(i.id, i.role.name(), i.itemKey, i.text, i.critical, i.runbookVersion, i.dueAt, i.doneAt, i.doneBy, i.overdueAt);
        }
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Every checklist item of the incident's roles, with who ticked it and when")
    public Uni<List<ItemView>> list(@PathParam("id") String id) {
        return runbooks.checklist(PathIds.uuid("Incident", id)).map(list -> list.stream().map(ItemView::of).toList());
    }

    @POST
    @Path("{itemId}/completion")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Ticks an item: the role's holder or whoever directs the incident; once (409 after)")
    public Uni<ItemView> tick(@PathParam("id") String id, @PathParam("itemId") String itemId) {
        return runbooks.tick(actors.current(), PathIds.uuid("Incident", id), PathIds.uuid("Checklist item", itemId)).map(ItemView::of);
    }
}
