package io.firebreak.comms.api;

import io.firebreak.comms.domain.executive.ExecutiveNotifications;
import io.firebreak.comms.model.ExecNotification;
import io.firebreak.platform.access.IncidentAccess;
import io.firebreak.platform.problem.EnumFields;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actor;
import io.firebreak.platform.security.Actors;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Executive notifications across incidents — the breach report (?state=OVERDUE); restricted incidents only for their war room. */
@Path("/api/v1/comms/exec-notifications")
@Produces(MediaType.APPLICATION_JSON)
public class ExecNotificationReportResource {

    private final ExecutiveNotifications executive;
    private final IncidentAccess access;
    private final Actors actors;

    public ExecNotificationReportResource(ExecutiveNotifications executive, IncidentAccess access, Actors actors) {
        this.executive = executive;
        this.access = access;
        this.actors = actors;
    }

    @GET
    @RolesAllowed({Roles.EXECUTIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Executive notifications across incidents, newest first, optionally in one state (OVERDUE: the breaches)")
    public Uni<List<ExecNotificationResource.NotificationView>> report(@QueryParam("state") String state) {
        List<Violation> violations = new ArrayList<>();
        ExecNotification.State s = EnumFields.parse(violations, "state", state, ExecNotification.State.class, false);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        Actor actor = actors.current();
        return executive.report(s, 500).chain(list -> IncidentAccess.seesEverything(actor) ? Uni.createFrom().item(list)
                : Multi.createFrom().iterable(list).onItem().transformToUniAndConcatenate(n -> access.sight(n.incidentId, actor.user())
                        .map(sight -> sight.visible() ? n : null)).filter(n -> n != null).collect().asList())
                .map(l -> l.stream().map(ExecNotificationResource.NotificationView::of).toList());
    }
}
