package io.firebreak.comms.api;

import io.firebreak.comms.domain.stakeholders.Stakeholders;
import io.firebreak.comms.model.Audience;
import io.firebreak.comms.model.StakeholderGroup;
import io.firebreak.platform.problem.EnumFields;
import io.firebreak.platform.problem.PathIds;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/** Stakeholder groups: who hears messages of which audience, business services and priorities, through which channels. */
@Path("/api/v1/comms/stakeholder-groups")
@Produces(MediaType.APPLICATION_JSON)
public class StakeholderGroupResource {

    private final Stakeholders stakeholders;
    private final Actors actors;

    public StakeholderGroupResource(Stakeholders stakeholders, Actors actors) {
        this.stakeholders = stakeholders;
        this.actors = actors;
    }

    public record ChannelRequest(String kind, String address) {
    }

    public record GroupRequest(String name, String kind, String audience, List<String> businessServices, List<String> priorities,
                               List<ChannelRequest> channels, Boolean includeRestricted) {
    }

    /** {@code webhookSecret} only in the answer to the creation (the secret of its signed-webhook channels). */
    public record GroupView(UUID id, String name, StakeholderGroup.Kind kind, Audience audience, List<String> businessServices,
                            List<String> priorities, List<StakeholderGroup.Channel> channels, boolean includeRestricted, String createdBy,
                            Instant createdAt, String webhookSecret) {
        static GroupView of(StakeholderGroup g, boolean withSecret) {
            return new GroupView(g.id, g.name, g.kind, g.audience, g.businessServices, g.priorities, g.channels, g.includeRestricted,
                    g.createdBy, g.createdAt, withSecret ? g.webhookSecret : null);
        }
    }

    @GET
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Every stakeholder group")
    public Uni<List<GroupView>> list() {
        return stakeholders.list().map(list -> list.stream().map(g -> GroupView.of(g, false)).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COMMS_LEAD, Roles.ADMIN})
    @Operation(summary = "Creates a group; the answer carries the signing secret of its webhook channels, once")
    public Uni<Response> create(GroupRequest request) {
        GroupRequest r = request == null ? new GroupRequest(null, null, null, null, null, null, null) : request;
        List<Violation> violations = new ArrayList<>();
        StakeholderGroup.Kind kind = EnumFields.parse(violations, "kind", r.kind(), StakeholderGroup.Kind.class, true);
        Audience audience = EnumFields.parse(violations, "audience", r.audience(), Audience.class, false);
        List<StakeholderGroup.Channel> channels = new ArrayList<>();
        if (r.channels() != null) {
            for (int i = 0; i < r.channels().size(); i++) {
                ChannelRequest c = r.channels().get(i);
                StakeholderGroup.ChannelKind ck = c == null ? null
                        : EnumFields.parse(violations, "channels[" + i + "].kind", c.kind(), StakeholderGroup.ChannelKind.class, true);
                channels.add(new StakeholderGroup.Channel(ck, c == null ? null : c.address()));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return stakeholders.create(actors.current(), new Stakeholders.Draft(r.name(), kind, audience, r.businessServices(), r.priorities(),
                channels, Boolean.TRUE.equals(r.includeRestricted()))).map(g -> Response.status(201).entity(GroupView.of(g, true)).build());
    }

    @DELETE
    @Path("/{group}")
    @RolesAllowed({Roles.COMMS_LEAD, Roles.ADMIN})
    @Operation(summary = "Removes a group (messages sent before keep their delivery history)")
    public Uni<Response> remove(@PathParam("group") String group) {
        return stakeholders.remove(PathIds.uuid("Stakeholder group", group)).map(ignored -> Response.noContent().build());
    }
}
