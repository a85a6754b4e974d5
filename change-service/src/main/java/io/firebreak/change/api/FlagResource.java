package io.firebreak.change.api;

import io.firebreak.change.domain.changes.ChangeFlags;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.time.TimeBounds;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The change-management queue of flags: deploys in freezes, unlinked emergency changes, alignment overrides. */
@Path("/api/v1/change/flags")
@Produces(MediaType.APPLICATION_JSON)
public class FlagResource {

    private final ChangeFlags flags;
    private final Actors actors;

    public FlagResource(ChangeFlags flags, Actors actors) {
        this.flags = flags;
        this.actors = actors;
    }

    @GET
    @RolesAllowed({Roles.CHANGE_APPROVER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Flags raised after `after` (ISO instant), oldest first, at most `limit` (1–500, default 100)")
    public Uni<List<ChangeViews.FlagView>> list(@QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        Instant from;
        try {
            from = after == null ? Instant.EPOCH : TimeBounds.instant(after);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(List.of(new Violation("after", "must be an ISO-8601 instant")));
        }
        int n = limit == null ? 100 : limit;
        if (n < 1 || n > 500) {
            throw ProblemException.invalid(List.of(new Violation("limit", "must be between 1 and 500")));
        }
        return flags.queue(from, n, actors.current()).map(l -> l.stream().map(ChangeViews.FlagView::of).toList());
    }
}
