package io.firebreak.comms.api;

import io.firebreak.comms.domain.webhooks.Webhooks;
import io.firebreak.comms.model.WebhookSubscription;
import io.firebreak.platform.delivery.DeliveryRecord;
import io.firebreak.platform.problem.PathIds;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Outbound webhooks for other platforms: subscriptions to comms' events, their delivery history and replay. */
@Path("/api/v1/comms/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private final Webhooks webhooks;
    private final Actors actors;

    public WebhookResource(Webhooks webhooks, Actors actors) {
        this.webhooks = webhooks;
        this.actors = actors;
    }

    public record SubscribeRequest(String name, String url, List<String> eventTypes, Boolean includeRestricted) {
    }

    public record SubscriptionView(UUID id, String name, String url, List<String> eventTypes, boolean includeRestricted, String createdBy,
                                   Instant createdAt) {
        static SubscriptionView of(WebhookSubscription s) {
            return new SubscriptionView(s.id, s.name, s.url, s.eventTypes, s.includeRestricted, s.createdBy, s.createdAt);
        }
    }

    /** The answer to a new subscription: the only time its signing secret is shown. */
    public record CreatedView(SubscriptionView subscription, String secret) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COMMS_LEAD, Roles.ADMIN})
    @Operation(summary = "Subscribes an endpoint to event types; answers its Standard Webhooks secret (shown once)",
            description = "Deliveries are signed (webhook-id, webhook-timestamp, webhook-signature), at least once, in order per incident,"
                    + " retried with backoff and jitter, dead-lettered after the configured attempts. includeRestricted: admin only.")
    public Uni<Response> subscribe(SubscribeRequest request) {
        SubscribeRequest r = request == null ? new SubscribeRequest(null, null, null, null) : request;
        return webhooks.subscribe(actors.current(), new Webhooks.Draft(r.name(), r.url(), r.eventTypes(), Boolean.TRUE.equals(r.includeRestricted())))
                .map(s -> Response.status(201).entity(new CreatedView(SubscriptionView.of(s), s.secret)).build());
    }

    @GET
    @RolesAllowed({Roles.COMMS_LEAD, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The active subscriptions (without their secrets)")
    public Uni<List<SubscriptionView>> list() {
        return webhooks.list().map(list -> list.stream().map(SubscriptionView::of).toList());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.COMMS_LEAD, Roles.ADMIN})
    @Operation(summary = "Ends a subscription and cancels what is still pending to it")
    public Uni<Response> unsubscribe(@PathParam("id") String id) {
        return webhooks.unsubscribe(PathIds.uuid("Webhook subscription", id)).replaceWith(Response.noContent().build());
    }

    @GET
    @Path("{id}/deliveries")
    @RolesAllowed({Roles.COMMS_LEAD, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The subscription's deliveries, newest first: state, attempts, last answer")
    public Uni<List<DeliveryRecord>> deliveries(@PathParam("id") String id, @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 500) {
            throw ProblemException.invalid(List.of(new Violation("limit", "must be between 1 and 500")));
        }
        return webhooks.deliveries(PathIds.uuid("Webhook subscription", id), limit);
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/replay")
    @RolesAllowed({Roles.COMMS_LEAD, Roles.ADMIN})
    @Operation(summary = "Sends a dead-lettered delivery again; 409 unless it is dead")
    public Uni<Response> replay(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        return webhooks.replay(PathIds.uuid("Webhook subscription", id), PathIds.uuid("Delivery", deliveryId))
                .replaceWith(Response.accepted().build());
    }
}
