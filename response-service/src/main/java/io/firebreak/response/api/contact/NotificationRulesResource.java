package io.firebreak.response.api.contact;

import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.firebreak.response.domain.contact.ContactMethods;
import io.firebreak.response.model.oncall.NotificationRules;
import io.firebreak.response.model.oncall.NotificationStep;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The caller's notification rules per urgency. */
@Path("/api/v1/response/me/notification-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NotificationRulesResource {

    private final ContactMethods contacts;
    private final Actors actors;

    public NotificationRulesResource(ContactMethods contacts, Actors actors) {
        this.contacts = contacts;
        this.actors = actors;
    }

    public record RulesRequest(List<NotificationStep> steps, Integer repeatMinutes) {
    }

    public record RulesView(String urgency, List<NotificationStep> steps, Integer repeatMinutes, Instant updatedAt) {
        static RulesView of(NotificationRules r) {
            return new RulesView(r.urgency, r.steps, r.repeatMinutes, r.updatedAt);
        }
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Your notification rules per urgency (none: every verified method at once)")
    public Uni<List<RulesView>> rules() {
        return contacts.rulesOf(actors.current().user()).map(list -> list.stream().map(RulesView::of).toList());
    }

    @PUT
    @Path("{urgency}")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Set your rules for P1 or P2: steps (method, delay in minutes) and a repeat interval until acknowledged")
    public Uni<RulesView> putRules(@PathParam("urgency") String urgency, RulesRequest request) {
        RulesRequest r = request == null ? new RulesRequest(List.of(), null) : request;
        return contacts.putRules(actors.current().user(), urgency, r.steps(), r.repeatMinutes()).map(RulesView::of);
    }

}
