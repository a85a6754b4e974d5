package io.firebreak.response.api.warroom;

import io.firebreak.platform.access.IncidentAccess;
import io.firebreak.platform.access.IncidentScoped;
import io.firebreak.platform.feed.FeedEvent;
import io.firebreak.platform.feed.SubjectFeed;
import io.firebreak.platform.problem.PathIds;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actor;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The incident's live feed for front ends: server-sent events, one per event the response service
 * records about the incident, for war-room members only (others read the digest).
 */
@Path("/api/v1/response/incidents/{id}/feed")
@IncidentScoped(membersOnly = true)
public class FeedResource {

    private final SubjectFeed feed;
    private final IncidentAccess access;
    private final Actors actors;

    public FeedResource(SubjectFeed feed, IncidentAccess access, Actors actors) {
        this.feed = feed;
        this.access = access;
        this.actors = actors;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The incident's timeline as it happens (server-sent events), for its war room",
            description = "Each SSE event: id = position (resume with the Last-Event-ID header or ?after=), event = the CloudEvent type,"
                    + " data = {type, time, data}. Starts with every retained event after the position, then streams live; ends when the"
                    + " caller leaves the war room; a comment line (heartbeat) when nothing happened for 15 s. 403 for a caller outside the war room, 404 for one who may not see the incident.")
    public Multi<OutboundSseEvent> follow(@PathParam("id") String id, @HeaderParam("Last-Event-ID") String lastEventId,
                                          @QueryParam("after") String after, @Context Sse sse) {
        UUID incident = PathIds.uuid("Incident", id);
        long position = position(lastEventId != null && !lastEventId.isBlank() ? lastEventId : after);
        Actor actor = actors.current();
        Supplier<Uni<Boolean>> stillAllowed = IncidentAccess.seesEverything(actor) ? () -> Uni.createFrom().item(true)
                : () -> access.sight(incident, actor.user()).map(s -> s.visible() && s.member());
        return feed.follow(incident.toString(), position, stillAllowed).map(e -> event(sse, e));
    }

    private static OutboundSseEvent event(Sse sse, FeedEvent e) {
        if (e.isHeartbeat()) {
            return sse.newEventBuilder().comment("heartbeat").build();
        }
        // The payload is JSON already: sent as text so it is not quoted a second time.
        String data = "{\"type\":\"" + e.type() + "\",\"time\":\"" + e.occurredAt() + "\",\"data\":" + e.data() + "}";
        return sse.newEventBuilder().id(Long.toString(e.seq())).name(e.type()).mediaType(MediaType.TEXT_PLAIN_TYPE).data(data).build();
    }

    private static long position(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid(List.of(new Violation("Last-Event-ID", "must be the id of an event of this feed (a non-negative number)")));
    }
}
