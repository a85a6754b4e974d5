package io.firebreak.change.api;

import io.firebreak.change.domain.catalog.ActionCatalog;
import io.firebreak.change.model.ActionType;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The pre-authorised emergency action catalog: read by everyone who requests or approves, changed by admins only (audited). */
@Path("/api/v1/change/action-catalog")
@Produces(MediaType.APPLICATION_JSON)
public class ActionCatalogResource {

    private final ActionCatalog catalog;
    private final Actors actors;

    public ActionCatalogResource(ActionCatalog catalog, Actors actors) {
        this.catalog = catalog;
        this.actors = actors;
    }

    public record CatalogRequest(List<ActionType> actions, String note, Integer expectedVersion) {
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER,
            Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The catalog in force: each action's parameters, the services it may target, whether the IC may approve it")
    public Uni<ChangeViews.CatalogView> current() {
        return catalog.current().map(ChangeViews.CatalogView::of);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace the catalog by a new version {actions, note, expectedVersion}; appended to the action-catalog audit chain")
    public Uni<ChangeViews.CatalogView> replace(CatalogRequest body) {
        if (body == null) {
            throw ProblemException.invalid(List.of(new Violation("body", "is required: {actions, note}")));
        }
        return catalog.replace(body.actions(), body.note(), body.expectedVersion(), actors.current()).map(ChangeViews.CatalogView::of);
    }

    @GET
    @Path("/versions")
    @RolesAllowed({Roles.CHANGE_APPROVER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Every version of the catalog, newest first")
    public Uni<List<ChangeViews.CatalogView>> history() {
        return catalog.history().map(l -> l.stream().map(ChangeViews.CatalogView::of).toList());
    }

    @GET
    @Path("/versions/{version}")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER,
            Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "One version of the catalog (the one a change was requested under)")
    public Uni<ChangeViews.CatalogView> version(@PathParam("version") String version) {
        int v;
        try {
            v = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(List.of(new Violation("version", "must be a number")));
        }
        return catalog.version(v).map(ChangeViews.CatalogView::of);
    }
}
