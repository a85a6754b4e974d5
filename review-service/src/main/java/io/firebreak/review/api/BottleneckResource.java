package io.firebreak.review.api;

import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.time.Quarter;
import io.firebreak.review.domain.postmortems.RoleData;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Recurring role bottlenecks across a quarter's P1s and P2s (aggregates: restricted incidents count, unnamed). */
@Path("/api/v1/review/bottlenecks")
@Produces(MediaType.APPLICATION_JSON)
public class BottleneckResource {

    private final RoleData roleData;
    private final Clock clock;

    public BottleneckResource(RoleData roleData, Clock clock) {
        this.roleData = roleData;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.SERVICE_OWNER, Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Roles accepted more than thresholdMinutes (15) after their page in at least minimumShare (0.3) of the quarter's"
            + " P1s or P2s, e.g. \"COMMS_LEAD accepted after > 15 min in 40 % of P1s in 2026-Q4\"")
    public Uni<RoleData.BottleneckReport> get(@QueryParam("quarter") String quarter, @QueryParam("thresholdMinutes") Integer thresholdMinutes,
                                              @QueryParam("minimumShare") Double minimumShare) {
        Quarter q = quarter == null ? Quarter.of(clock.instant()) : Quarter.parse(quarter);
        if (q == null) {
            throw ProblemException.invalid(List.of(new Violation("quarter", "must look like 2026-Q4")));
        }
        int minutes = thresholdMinutes == null ? 15 : thresholdMinutes;
        double share = minimumShare == null ? 0.3 : minimumShare;
        if (minutes < 1 || minutes > 1440) {
            throw ProblemException.invalid(List.of(new Violation("thresholdMinutes", "must be between 1 and 1440")));
        }
        if (share <= 0 || share > 1) {
            throw ProblemException.invalid(List.of(new Violation("minimumShare", "must be in (0, 1]")));
        }
        return roleData.bottlenecks(q, Duration.ofMinutes(minutes), share);
    }
}
