package io.firebreak.response.api.paging;

import io.firebreak.platform.problem.PathIds;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.firebreak.response.domain.paging.EscalationPolicies;
import io.firebreak.response.model.paging.EscalationLevel;
import io.firebreak.response.model.paging.EscalationPolicy;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

/** One escalation policy (a team's policies are listed and created under the team). */
@Path("/api/v1/response/escalation-policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EscalationPolicyResource {

    private final EscalationPolicies policies;
    private final Actors actors;

    public EscalationPolicyResource(EscalationPolicies policies, Actors actors) {
        this.policies = policies;
        this.actors = actors;
    }

    public record PolicyView(UUID id, String teamId, String name, List<EscalationLevel> levels, int repeatCount, int windowP1Minutes,
                             int windowP2Minutes, boolean isDefault, List<String> roles, int version, String updatedBy, Instant updatedAt) {
        public static PolicyView of(EscalationPolicy p) {
            return new PolicyView(p.id, p.teamId, p.name, p.levels, p.repeatCount, p.windowP1Seconds / 60, p.windowP2Seconds / 60,
                    p.isDefault, List.of(p.roles), p.version, p.updatedBy, p.updatedAt);
        }
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD,
            Roles.SERVICE_OWNER, Roles.CHANGE_APPROVER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "One escalation policy")
    public Uni<PolicyView> get(@PathParam("id") String id) {
        return policies.get(PathIds.uuid("Escalation policy", id)).map(PolicyView::of);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Replace an escalation policy (its team's manager, service owners or an admin)")
    public Uni<PolicyView> update(@PathParam("id") String id, EscalationPolicies.PolicyDraft draft) {
        return policies.update(actors.current(), PathIds.uuid("Escalation policy", id), draft).map(PolicyView::of);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.TECH_LEAD, Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Delete an escalation policy")
    public Uni<Response> delete(@PathParam("id") String id) {
        return policies.delete(actors.current(), PathIds.uuid("Escalation policy", id)).replaceWith(Response.noContent().build());
    }

}
