package io.firebreak.metrics.api;

import io.firebreak.metrics.domain.facts.RollupRebuild;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Operations on the rollups summaries are read from. */
@Path("/api/v1/metrics/rollups")
@Produces(MediaType.APPLICATION_JSON)
public class RollupResource {

    private final RollupRebuild rebuild;

    public RollupResource(RollupRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rebuilds every rollup from the incidents (folds wait meanwhile); answers how many incidents and months it read")
    public Uni<RollupRebuild.Rebuilt> rebuild() {
        return rebuild.rebuild();
    }
}
