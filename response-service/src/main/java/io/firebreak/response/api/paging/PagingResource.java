package io.firebreak.response.api.paging;

import io.firebreak.platform.access.IncidentScoped;
import io.firebreak.platform.problem.PathIds;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.QueryParams;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.firebreak.response.domain.paging.Paging;
import io.firebreak.response.model.paging.Escalation;
import io.firebreak.response.model.paging.IncidentPaging;
import io.firebreak.response.model.paging.Page;
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

/** An incident's paging: who was paged, how escalation stands, acknowledging and (justified) delaying. */
@IncidentScoped
@Path("/api/v1/response/incidents/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PagingResource {

    private final Paging paging;
    private final Actors actors;

    public PagingResource(Paging paging, Actors actors) {
        this.paging = paging;
        this.actors = actors;
    }

    /**
     * One page. {@code deliveredVia}: the channel kind that handed it over (EMAIL, SMS, VOICE, SLACK, TEAMS, WEBHOOK), or
     * LINK while only the use of its acknowledgement link proves it arrived (its sender died before recording the send).
     */
    public record PageView(UUID id, String person, String teamId, String role, int level, int round, String status, Instant triggeredAt,
                           Instant deliveredAt, String deliveredVia, Instant acknowledgedAt) {
        static PageView of(Page p) {
            return new PageView(p.id, p.person, p.teamId, p.role == null ? null : p.role.name(), p.level, p.round, p.status.name(),
                    p.triggeredAt, p.deliveredAt, p.deliveredVia, p.acknowledgedAt);
        }
    }

    public record EscalationView(UUID id, String kind, String teamId, String role, UUID policyId, UUID scheduleId, int level, int round,
                                 String status, Instant levelStartedAt, Instant dueAt, Instant delayedUntil) {
        static EscalationView of(Escalation e) {
            return new EscalationView(e.id, e.kind.name(), e.teamId, e.role == null ? null : e.role.name(), e.policyId, e.scheduleId,
                    e.level, e.round, e.status.name(), e.levelStartedAt, e.dueAt, e.delayedUntil);
        }
    }

    public record PagingView(UUID incidentId, String incidentKey, String priority, boolean drill, String status, Instant declaredAt,
                             Instant firstPageAt, String acknowledgedBy, Instant acknowledgedAt, String acknowledgedVia,
                             List<EscalationView> escalations, List<PageView> pages) {
    }

    public record AcknowledgementView(UUID incidentId, boolean first, String acknowledgedBy, Instant acknowledgedAt) {
    }

    public record DelayRequest(String until, String justification) {
    }

    @GET
    @Path("paging")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Who was paged for the incident, the escalations and the acknowledgement")
    public Uni<PagingView> get(@PathParam("id") String id) {
        UUID incident = PathIds.uuid("Incident", id);
        return paging.find(incident).onItem().ifNull().failWith(() -> ProblemException.notFound("Paging of incident", id))
                .chain(p -> paging.escalationsOf(incident).chain(es -> paging.pagesOf(incident).map(ps -> view(p, es, ps))));
    }

    @POST
    @Path("acknowledgement")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Acknowledge the incident: the first acknowledgement stops its escalation (later ones are recorded)")
    public Uni<AcknowledgementView> acknowledge(@PathParam("id") String id) {
        UUID incident = PathIds.uuid("Incident", id);
        String person = actors.current().user();
        return io.firebreak.platform.problem.Collisions.retried(() -> paging.acknowledge(incident, person, "API", null))
                .map(a -> new AcknowledgementView(a.incidentId(), a.first(), a.acknowledgedBy(), a.acknowledgedAt()));
    }

    @POST
    @Path("escalations/{escalationId}/delay")
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Hold an escalation beyond its window until a moment, with a written justification (audited)",
            description = "At most the priority's bound beyond the window (P1 30 min, P2 2 h by default); no justification, no delay.")
    public Uni<EscalationView> delay(@PathParam("id") String id, @PathParam("escalationId") String escalationId, DelayRequest request) {
        if (request == null || request.until() == null) {
            throw ProblemException.invalid(List.of(new Violation("until", "is required (RFC 3339)")));
        }
        Instant until = QueryParams.instant("until", request.until());
        return paging.delay(PathIds.uuid("Incident", id), PathIds.uuid("Escalation", escalationId), until, request.justification(), actors.current().user())
                .map(EscalationView::of);
    }

    private static PagingView view(IncidentPaging p, List<Escalation> es, List<Page> ps) {
        return new PagingView(p.incidentId, p.incidentKey, p.priority.name(), p.drill, p.status.name(), p.declaredAt, p.firstPageAt,
                p.acknowledgedBy, p.acknowledgedAt, p.acknowledgedVia, es.stream().map(EscalationView::of).toList(),
                ps.stream().map(PageView::of).toList());
    }

}
