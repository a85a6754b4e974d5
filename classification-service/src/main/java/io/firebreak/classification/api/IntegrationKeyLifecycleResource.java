package io.firebreak.classification.api;

import io.firebreak.platform.security.Actors;
import io.firebreak.classification.api.IntegrationKeyResource.IssuedKeyView;
import io.firebreak.classification.api.IntegrationKeyResource.KeyView;
import io.firebreak.classification.domain.intake.IntegrationKeyService;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/** One integration key: rotate or revoke it (owners of its service, or admins). */
@Path("/api/v1/classification/integration-keys")
@Produces(MediaType.APPLICATION_JSON)
public class IntegrationKeyLifecycleResource {

    private final IntegrationKeyService keys;
    private final Actors actors;

    public IntegrationKeyLifecycleResource(IntegrationKeyService keys, Actors actors) {
        this.keys = keys;
        this.actors = actors;
    }

    @POST
    @Path("{id}/rotate")
    @RolesAllowed({Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Issue a replacement and revoke this key, in one step")
    public Uni<RestResponse<IssuedKeyView>> rotate(@PathParam("id") UUID id) {
        return keys.rotate(id, actors.current()).map(issued -> RestResponse.status(
                RestResponse.Status.CREATED, new IssuedKeyView(KeyView.of(issued.key()), issued.secret())));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Revoke a key: intake refuses it from now on")
    public Uni<KeyView> revoke(@PathParam("id") UUID id) {
        return keys.revoke(id, actors.current()).map(KeyView::of);
    }
}
