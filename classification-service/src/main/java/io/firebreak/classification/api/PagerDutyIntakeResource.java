package io.firebreak.classification.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.classification.domain.intake.IntakeResult;
import io.firebreak.classification.domain.intake.SignalIntake;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
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
    private final ObjectMapper mapper;

    public PagerDutyIntakeResource(SignalIntake intake, ObjectMapper mapper) {
        this.intake = intake;
        this.mapper = mapper;
    }

    @POST
    @Path("enqueue")
    @Operation(summary = "PagerDuty Events API v2: trigger, acknowledge or resolve an alert",
            description = "202 once the event is durable on the signals topic; 400 with PagerDuty's error list; "
                    + "429 with Retry-After when the key exceeds its rate; 413 above 512 KB.")
    public Uni<Response> enqueue(String body, @Context HttpServerRequest request) {
        JsonNode event = parse(body);
        return event == null ? Uni.createFrom().item(malformed())
                : intake.alert(event, IntakeSources.of(request)).map(PagerDutyIntakeResource::answer);
    }

    @POST
    @Path("change/enqueue")
    @Operation(summary = "PagerDuty change events: passed to the change service on the signals topic")
    public Uni<Response> changeEnqueue(String body, @Context HttpServerRequest request) {
        JsonNode event = parse(body);
        return event == null ? Uni.createFrom().item(malformed())
                : intake.change(event, IntakeSources.of(request)).map(PagerDutyIntakeResource::answer);
    }

    /** The body as JSON, or null: PagerDuty answers unparsable bodies in its own error shape, like other invalid events. */
    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static Response malformed() {
        return answer(new IntakeResult.Invalid(List.of("Malformed JSON: the body must be a JSON object")));
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
        if (result instanceof IntakeResult.Unknown) {
            return answer(new IntakeResult.Invalid(List.of("Invalid routing key")));
        }
        if (result instanceof IntakeResult.NotServedHere notServed) {
            return IntakeUnavailable.answer(notServed);
        }
        if (result instanceof IntakeResult.Overloaded overloaded) {
            body.put("status", "throttle event");
            body.put("message", "Intake is at capacity. Please retry later.");
            return Response.status(429).header("Retry-After", overloaded.retryAfterSeconds()).entity(body).build();
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
