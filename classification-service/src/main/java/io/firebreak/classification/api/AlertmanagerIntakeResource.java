package io.firebreak.classification.api;

import io.firebreak.classification.domain.intake.AlertmanagerWebhook;
import io.firebreak.classification.domain.intake.SignalIntake;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Prometheus Alertmanager webhook receiver; the integration key in the path authenticates. */
@Path("/api/v1/classification/intake/alertmanager")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AlertmanagerIntakeResource {

    private final SignalIntake intake;

    public AlertmanagerIntakeResource(SignalIntake intake) {
        this.intake = intake;
    }

    @POST
    @Path("{integrationKey}")
    @Operation(summary = "Alertmanager webhook v4: each alert becomes a signal (fingerprint = dedup key)")
    public Uni<Response> receive(@PathParam("integrationKey") String key, AlertmanagerWebhook webhook) {
        if (webhook == null) {
            return Uni.createFrom().failure(ProblemException.invalid(List.of(new Violation("body", "is required"))));
        }
        return intake.alertmanager(key, webhook).map(PagerDutyIntakeResource::answer);
    }
}
