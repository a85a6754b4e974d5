package io.firebreak.platform.api;

import io.firebreak.platform.outbox.OutboxAdministration;
import io.firebreak.platform.outbox.ParkedEvent;
import io.firebreak.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /api/v1/<context>/admin/outbox}: events the relay parked (permanent failure, or out of
 * attempts) wait here for an operator, who fixes the cause and retries, or discards them. Both are
 * audited with the operator's reason.
 */
@Path("/api/v1/{context}/admin/outbox/parked")
@Produces(MediaType.APPLICATION_JSON)
public class OutboxAdminResource {

    private final OutboxAdministration administration;
    private final SecurityIdentity identity;
    private final String context;

    public OutboxAdminResource(OutboxAdministration administration, SecurityIdentity identity,
                               @ConfigProperty(name = "firebreak.context") String context) {
        this.administration = administration;
        this.identity = identity;
        this.context = context;
    }

    /** Why an operator retries or discards; kept in the audit chain. */
    public record Decision(@NotBlank @Size(max = 2000) String reason) {
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Parked outbox events, oldest first (cursor paging)")
    public Uni<Page<ParkedEvent>> list(@PathParam("context") String requested,
                                       @QueryParam("after") String after,
                                       @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        ContextPath.require(context, requested);
        return administration.parked(after, limit);
    }

    @POST
    @Path("{eventId}/retry")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Publish a parked event again, with a fresh attempt budget (audited)")
    public Uni<Response> retry(@PathParam("context") String requested, @PathParam("eventId") UUID eventId,
                               @NotNull @Valid Decision decision) {
        ContextPath.require(context, requested);
        return noContent(administration.retry(eventId, actor(), decision.reason()));
    }

    @POST
    @Path("{eventId}/discard")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Never publish a parked event; later events of its key flow again (audited)")
    public Uni<Response> discard(@PathParam("context") String requested, @PathParam("eventId") UUID eventId,
                                 @NotNull @Valid Decision decision) {
        ContextPath.require(context, requested);
        return noContent(administration.discard(eventId, actor(), decision.reason()));
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static Uni<Response> noContent(Uni<Void> done) {
        return done.replaceWith(Response.noContent().build());
    }
}
