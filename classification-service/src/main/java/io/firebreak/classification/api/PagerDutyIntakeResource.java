package io.firebreak.classification.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.firebreak.classification.domain.intake.IntakeResult;
import io.firebreak.classification.domain.intake.SignalIntake;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * PagerDuty Events API v2 compatibility. Monitoring tools cannot do OIDC: the routing key in the
 * body authenticates (so the endpoints are open to the network and the key is the credential).
 * Answers follow PagerDuty's shapes so existing integrations work unchanged.
 */
@Path("/v2")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class PagerDutyIntakeResource {

    private final SignalIntake intake;

    public PagerDutyIntakeResource(SignalIntake intake) {
        this.intake = intake;
    }

    @POST
    @Path("enqueue")
    @Operation(summary = "PagerDuty Events API v2: trigger, acknowledge or resolve an alert",
            description = "202 once the event is durable on the signals topic; 400 with PagerDuty's error list; "
                    + "429 with Retry-After when the key exceeds its rate; 413 above 512 KB.")
    public Uni<Response> enqueue(JsonNode body) {
        return intake.alert(body).map(PagerDutyIntakeResource::answer);
    }

    @POST
    @Path("change/enqueue")
    @Operation(summary = "PagerDuty change events: passed to the change service on the signals topic")
    public Uni<Response> changeEnqueue(JsonNode body) {
        return intake.change(body).map(PagerDutyIntakeResource::answer);
    }

    static Response answer(IntakeResult result) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (result instanceof IntakeResult.Accepted accepted) {
            body.put("status", "success");
            body.put("message", "Event processed");
            if (accepted.dedupKey() != null) {
                body.put("dedup_key", accepted.dedupKey());
            }
            return Response.accepted(body).build();
        }
        if (result instanceof IntakeResult.Throttled throttled) {
            body.put("status", "throttle event");
            body.put("message", "Requests for this integration key are arriving too quickly. Please retry later.");
            return Response.status(429).header("Retry-After", throttled.retryAfterSeconds()).entity(body).build();
        }
        IntakeResult.Invalid invalid = (IntakeResult.Invalid) result;
        body.put("status", "invalid event");
        body.put("message", "Event object is invalid");
        body.put("errors", invalid.errors());
        return Response.status(400).entity(body).build();
    }
}
