package io.firebreak.classification.api;

import io.firebreak.classification.domain.audit.AccuracyAuditService;
import io.firebreak.classification.domain.audit.AccuracyReport;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.QueryParams;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** How well classification matched what incidents turned out to be. */
@Path("/api/v1/classification/audit/accuracy")
@Produces(MediaType.APPLICATION_JSON)
public class AccuracyAuditResource {

    private final AccuracyAuditService audit;

    public AccuracyAuditResource(AccuracyAuditService audit) {
        this.audit = audit;
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.SERVICE_OWNER, Roles.ADMIN})
    @Operation(summary = "Initial-vs-final confusion matrices per policy version and service, over/under-classification "
            + "shares, and threshold changes that would have classified the period correctly")
    public Uni<AccuracyReport> accuracy(@QueryParam("from") String from, @QueryParam("to") String to) {
        List<Violation> violations = new ArrayList<>();
        if (from == null) {
            violations.add(new Violation("from", "is required"));
        }
        if (to == null) {
            violations.add(new Violation("to", "is required"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        Instant start = QueryParams.instant("from", from);
        Instant end = QueryParams.instant("to", to);
        if (!start.isBefore(end)) {
            throw ProblemException.invalid(List.of(new Violation("to", "must be after from")));
        }
        return audit.report(start, end);
    }
}
