package io.firebreak.platform.api;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /api/v1/<context>/me}: who the caller is to this service. Every service has it, so a
 * front-end can check a token and its roles against any service behind the gateway.
 */
@Path("/api/v1/{context}/me")
@Authenticated
public class CallerResource {

    private final SecurityIdentity identity;
    private final String context;
    private final String service;

    public CallerResource(SecurityIdentity identity,
                          @ConfigProperty(name = "firebreak.context") String context,
                          @ConfigProperty(name = "quarkus.application.name") String service) {
        this.identity = identity;
        this.context = context;
        this.service = service;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller's identity and roles as this service sees them")
    public Caller me(@PathParam("context") String requested) {
        ContextPath.require(context, requested);
        List<String> roles = identity.getRoles().stream().sorted().toList();
        return new Caller(service, identity.getPrincipal().getName(), roles);
    }

    /** The caller as seen by one service. */
    public record Caller(String service, String user, List<String> roles) {
    }
}
