package io.firebreak.comms.api;

import io.firebreak.comms.domain.status.Messages;
import io.firebreak.comms.model.Audience;
import io.firebreak.comms.model.StakeholderMessage;
import io.firebreak.platform.access.IncidentScoped;
import io.firebreak.platform.problem.FreeText;
import io.firebreak.platform.problem.PathIds;
import io.firebreak.platform.problem.ProblemException;
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
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Messages to stakeholders about an incident, each naming the status version it derives from. */
@Path("/api/v1/comms/incidents/{id}/messages")
@Produces(MediaType.APPLICATION_JSON)
@IncidentScoped
public class MessageResource {

    private final Messages messages;
    private final Actors actors;

    public MessageResource(Messages messages, Actors actors) {
        this.messages = messages;
        this.actors = actors;
    }

    public record DraftRequest(Integer statusVersion, String audience, String subject, String body) {
    }

    public record MessageView(UUID id, int statusVersion, Audience audience, String subject, String body, String draftedBy,
                              Instant draftedAt) {
        static MessageView of(StakeholderMessage m) {
            return new MessageView(m.id, m.statusVersion, m.audience, m.subject, m.body, m.draftedBy, m.draftedAt);
        }
    }

    @GET
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.EXECUTIVE, Roles.AUDITOR,
            Roles.ADMIN})
    @Operation(summary = "The incident's messages to stakeholders, oldest first")
    public Uni<List<MessageView>> list(@PathParam("id") String id) {
        return messages.of(PathIds.uuid("Incident", id)).map(list -> list.stream().map(MessageView::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.ADMIN})
    @Operation(summary = "Drafts a message on the current status version; 409 on a superseded one (no two audiences hear different stories)")
    public Uni<Response> draft(@PathParam("id") String id, DraftRequest request) {
        UUID incident = PathIds.uuid("Incident", id);
        DraftRequest r = request == null ? new DraftRequest(null, null, null, null) : request;
        List<Violation> violations = new ArrayList<>();
        if (r.statusVersion() == null) {
            violations.add(new Violation("statusVersion", "is required: the status version the message derives from"));
        }
        Audience audience = null;
        if (r.audience() == null || r.audience().isBlank()) {
            violations.add(new Violation("audience", "is required: EXECUTIVE, TECHNICAL or CUSTOMER"));
        } else {
            try {
                audience = Audience.valueOf(r.audience().strip());
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("audience", "must be EXECUTIVE, TECHNICAL or CUSTOMER"));
            }
        }
        FreeText.check(violations, "subject", r.subject(), false, 300);
        FreeText.check(violations, "body", r.body(), true, 20_000);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return messages.draft(actors.current(), incident, new Messages.Draft(r.statusVersion(), audience, FreeText.orNull(r.subject()), r.body()))
                .map(m -> Response.status(201).entity(MessageView.of(m)).build());
    }
}
