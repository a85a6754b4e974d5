package io.firebreak.classification.api;

import io.firebreak.platform.security.Actors;
import io.firebreak.classification.model.intake.IntegrationKey;
import io.firebreak.classification.domain.intake.IntegrationKeyService;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.jboss.resteasy.reactive.RestResponse;

/** Integration keys of business services: create, list, rotate, revoke. The secret is shown once. */
@Path("/api/v1/classification/services/{name}/integration-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IntegrationKeyResource {

    /** A key request: a name saying which tool uses it. */
    public record KeyRequest(@NotBlank @Size(max = 100) String name) {
    }

    /** A key without its secret. */
    public record KeyView(UUID id, String service, String name, String keyPrefix, IntegrationKey.Status status,
                          String createdBy, Instant createdAt, Instant revokedAt, UUID replacedBy) {
        static KeyView of(IntegrationKey k) {
            return new KeyView(k.id, k.service, k.name, k.keyPrefix, k.status, k.createdBy, k.createdAt, k.revokedAt, k.replacedBy);
        }
    }

    /** A new key with its secret: store it now, it is never shown again. */
    public record IssuedKeyView(KeyView key, String routingKey) {
    }

    private final IntegrationKeyService keys;
    private final Actors actors;

    public IntegrationKeyResource(IntegrationKeyService keys, Actors actors) {
        this.keys = keys;
        this.actors = actors;
    }

    @POST
    @RolesAllowed({Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Create an integration key for a service (its owners or admins); the secret is in this answer only")
    public Uni<RestResponse<IssuedKeyView>> create(@PathParam("name") String service, @Valid @NotNull KeyRequest request) {
        return keys.create(service, request.name(), actors.current()).map(issued -> RestResponse.status(
                RestResponse.Status.CREATED, new IssuedKeyView(KeyView.of(issued.key()), issued.secret())));
    }

    @GET
    @RolesAllowed({Roles.SERVICE_OWNER, Roles.ADMIN, Roles.AUDITOR})
    public Uni<List<KeyView>> list(@PathParam("name") String service) {
        return keys.list(service, actors.current()).map(l -> l.stream().map(KeyView::of).toList());
    }
}
