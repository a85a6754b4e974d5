package io.firebreak.platform.api;

import io.firebreak.platform.audit.AuditAnchor;
import io.firebreak.platform.audit.AuditChain;
import io.firebreak.platform.audit.AuditLog;
import io.firebreak.platform.audit.AuditRecord;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /api/v1/<context>/admin/audit/{chain}}: read an audit chain and verify it, for auditors. */
@Path("/api/v1/{context}/admin/audit/{chain}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
public class AuditResource {

    private final AuditLog audit;
    private final String context;

    public AuditResource(AuditLog audit, @ConfigProperty(name = "firebreak.context") String context) {
        this.audit = audit;
        this.context = context;
    }

    @GET
    @Path("records")
    @Operation(summary = "Records of the chain, oldest first (cursor paging: the cursor is a sequence number)")
    public Uni<Page<AuditRecord>> records(@PathParam("context") String requested, @PathParam("chain") String chain,
                                          @QueryParam("after") @DefaultValue("0") @Min(0) long after,
                                          @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        ContextPath.require(context, requested);
        return audit.read(chain, after, limit + 1).map(records -> Page.of(records, limit, r -> Long.toString(r.sequence())));
    }

    @GET
    @Path("verification")
    @Operation(summary = "Verify every MAC and link of the chain, its head and optionally an anchor kept outside the database",
            description = "Pass anchorSequence and anchorMac (from an event, a report or an earlier verification) to detect "
                    + "a chain truncated together with its head.")
    public Uni<AuditChain.Verification> verify(@PathParam("context") String requested, @PathParam("chain") String chain,
                                               @QueryParam("anchorSequence") @Min(1) Long anchorSequence,
                                               @QueryParam("anchorMac") @Pattern(regexp = "[0-9a-f]{64}") String anchorMac) {
        ContextPath.require(context, requested);
        if ((anchorSequence == null) != (anchorMac == null)) {
            throw ProblemException.invalid(List.of(new Violation(anchorSequence == null ? "anchorSequence" : "anchorMac",
                    "anchorSequence and anchorMac go together")));
        }
        Optional<AuditAnchor> anchor = anchorSequence == null ? Optional.empty()
                : Optional.of(new AuditAnchor(anchorSequence, anchorMac));
        return audit.verify(chain, anchor);
    }
}
