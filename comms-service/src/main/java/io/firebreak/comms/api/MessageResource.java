package io.firebreak.comms.api;

import io.firebreak.comms.domain.status.Messages;
import io.firebreak.comms.model.Audience;
import io.firebreak.comms.model.MessageState;
import io.firebreak.comms.model.Scenario;
import io.firebreak.comms.model.StakeholderMessage;
import io.firebreak.platform.access.IncidentScoped;
import io.firebreak.platform.delivery.DeliveryRecord;
import io.firebreak.platform.problem.EnumFields;
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

    public record DraftRequest(Integer statusVersion, String audience, String scenario, String subject, String body, String freeText) {
    }

    public record OverrideRequest(String reason) {
    }

    public record MessageView(UUID id, int statusVersion, Audience audience, Scenario scenario, String subject, String body, String freeText,
                              MessageState state, String draftedBy, Instant draftedAt, String overrideBy, String overrideReason,
                              Instant overrideAt, String sentBy, Instant sentAt) {
        static MessageView of(StakeholderMessage m) {
            return new MessageView(m.id, m.statusVersion, m.audience, m.scenario, m.subject, m.body, m.freeText, m.state, m.draftedBy,
                    m.draftedAt, m.overrideBy, m.overrideReason, m.overrideAt, m.sentBy, m.sentAt);
        }
    }

    public record SentView(MessageView message, List<String> groups, int deliveries, List<String> withheld, Long externalLogSequence,
                           int executiveNotificationsSatisfied) {
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
    @Operation(summary = "Drafts a message on the current status version, from the scenario's approved template (409 on a superseded version)")
    public Uni<Response> draft(@PathParam("id") String id, DraftRequest request) {
        UUID incident = PathIds.uuid("Incident", id);
        return messages.draft(actors.current(), incident, parse(request)).map(m -> Response.status(201).entity(MessageView.of(m)).build());
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.ADMIN})
    @Operation(summary = "What a draft would say, rendered from the approved template; 400 for a placeholder without a value")
    public Uni<Messages.Preview> preview(@PathParam("id") String id, DraftRequest request) {
        return messages.preview(PathIds.uuid("Incident", id), parse(request));
    }

    @POST
    @Path("/{message}/override")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COMMS_LEAD, Roles.EXECUTIVE})
    @Operation(summary = "An approver (not the drafter) lets a customer message's free text go out; recorded with the reason")
    public Uni<MessageView> override(@PathParam("id") String id, @PathParam("message") String message, OverrideRequest request) {
        List<Violation> violations = new ArrayList<>();
        FreeText.check(violations, "reason", request == null ? null : request.reason(), true, 2000);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return messages.override(actors.current(), PathIds.uuid("Incident", id), PathIds.uuid("Message", message), request.reason())
                .map(MessageView::of);
    }

    @POST
    @Path("/{message}/send")
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD})
    @Operation(summary = "Sends the message to every receiving stakeholder group (customer messages also go to the external log); once")
    public Uni<SentView> send(@PathParam("id") String id, @PathParam("message") String message) {
        return messages.send(actors.current(), PathIds.uuid("Incident", id), PathIds.uuid("Message", message))
                .map(s -> new SentView(MessageView.of(s.message()), s.delivered().groups(), s.delivered().deliveries(), s.delivered().withheld(),
                        s.logSequence(), s.executiveNotifications()));
    }

    @GET
    @Path("/{message}/deliveries")
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Every delivery of the message to a stakeholder channel, with its status and attempts")
    public Uni<List<DeliveryRecord>> deliveries(@PathParam("id") String id, @PathParam("message") String message) {
        return messages.deliveries(PathIds.uuid("Incident", id), PathIds.uuid("Message", message));
    }

    private static Messages.Draft parse(DraftRequest request) {
        DraftRequest r = request == null ? new DraftRequest(null, null, null, null, null, null) : request;
        List<Violation> violations = new ArrayList<>();
        if (r.statusVersion() == null) {
            violations.add(new Violation("statusVersion", "is required: the status version the message derives from"));
        }
        Audience audience = EnumFields.parse(violations, "audience", r.audience(), Audience.class, true);
        Scenario scenario = EnumFields.parse(violations, "scenario", r.scenario(), Scenario.class, false);
        FreeText.check(violations, "subject", r.subject(), false, 300);
        FreeText.check(violations, "body", r.body(), false, 20_000);
        FreeText.check(violations, "freeText", r.freeText(), false, 5_000);
        if (r.scenario() == null && (r.body() == null || r.body().isBlank()) && violations.stream().noneMatch(v -> v.field().equals("body"))) {
            violations.add(new Violation("body", "is required without a scenario (or name a scenario to use its approved template)"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return new Messages.Draft(r.statusVersion(), audience, scenario, FreeText.orNull(r.subject()), FreeText.orNull(r.body()),
                FreeText.orNull(r.freeText()));
    }
}
