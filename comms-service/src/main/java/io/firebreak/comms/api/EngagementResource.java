package io.firebreak.comms.api;

import io.firebreak.comms.domain.engagement.EngagementRules;
import io.firebreak.comms.domain.engagement.Engagements;
import io.firebreak.comms.model.Engagement;
import io.firebreak.comms.model.RegulatoryClock;
import io.firebreak.platform.access.IncidentScoped;
import io.firebreak.platform.problem.PathIds;
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
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Legal, compliance and PR engagement of an incident and the regulators' clocks it started, with their countdown. */
@Path("/api/v1/comms/incidents/{id}/engagements")
@Produces(MediaType.APPLICATION_JSON)
@IncidentScoped
public class EngagementResource {

    private final Engagements engagements;
    private final Actors actors;
    private final Clock clock;

    public EngagementResource(Engagements engagements, Actors actors, Clock clock) {
        this.engagements = engagements;
        this.actors = actors;
        this.clock = clock;
    }

    public record EngagementView(UUID id, String function, List<String> criteria, List<String> notified, Instant startedAt) {
        static EngagementView of(Engagement e) {
            return new EngagementView(e.id, e.function, e.criteria, e.notified, e.startedAt);
        }
    }

    /** {@code remainingSeconds}: the countdown while running (negative once overdue). */
    public record ClockView(UUID id, String regulation, String authority, Instant awareAt, Instant dueAt, RegulatoryClock.State state,
                            Long remainingSeconds, Instant metAt, Long logSequence, Instant overdueAt) {
    }

    public record EngagementsView(List<EngagementView> engagements, List<ClockView> regulatoryClocks) {
    }

    public record MediaAttentionRequest(Boolean attention, String note) {
    }

    @GET
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Who was engaged (legal, compliance, PR) and why, and the regulators' clocks with their countdown")
    public Uni<EngagementsView> engagements(@PathParam("id") String id) {
        Instant now = clock.instant();
        return engagements.of(PathIds.uuid("Incident", id)).map(o -> new EngagementsView(o.engagements().stream().map(EngagementView::of).toList(),
                o.clocks().stream().map(c -> new ClockView(c.id, c.regulation, c.authority, c.awareAt, c.dueAt, c.state,
                        c.state == RegulatoryClock.State.MET ? null : EngagementRules.remaining(c.dueAt, now).toSeconds(), c.metAt, c.logSequence,
                        c.overdueAt)).toList()));
    }

    @PUT
    @Path("/media-attention")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD})
    @Operation(summary = "The current Communications Lead or IC flags (or clears) media attention; flagging engages PR")
    public Uni<EngagementsView> mediaAttention(@PathParam("id") String id, MediaAttentionRequest request) {
        if (request == null || request.attention() == null) {
            throw ProblemException.invalid(List.of(new Violation("attention", "is required: true or false")));
        }
        UUID incident = PathIds.uuid("Incident", id);
        return engagements.mediaAttention(actors.current(), incident, request.attention(), request.note()).chain(() -> engagements(id));
    }
}
