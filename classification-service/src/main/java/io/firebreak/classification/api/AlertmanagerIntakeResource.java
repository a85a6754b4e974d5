package io.firebreak.classification.api;

import io.firebreak.classification.domain.intake.AlertmanagerWebhook;
import io.firebreak.classification.domain.intake.IntakeResult;
import io.firebreak.classification.domain.intake.SignalIntake;
import io.firebreak.platform.problem.Problem;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.ProblemResponses;
import io.firebreak.platform.problem.Violation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Prometheus Alertmanager webhook receiver. The integration key authenticates: in the
 * {@code Authorization: Bearer <key>} header (Alertmanager's {@code http_config.authorization}), so it
 * stays out of URLs and access logs, or — for older set-ups — in the path. Every refusal is
 * problem+json.
 */
@Path("/api/v1/classification/intake/alertmanager")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AlertmanagerIntakeResource {

    private static final String BEARER = "Bearer ";

    private final SignalIntake intake;

    public AlertmanagerIntakeResource(SignalIntake intake) {
        this.intake = intake;
    }

    @POST
    @Operation(summary = "Alertmanager webhook v4, key in the Authorization header",
            description = "groupBy=group (default): one alert group per Alertmanager group (groupKey); groupBy=alert: one per "
                    + "alert (fingerprint). A firing alert whose endsAt has passed counts as resolved.")
    public Uni<Response> receive(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                 @QueryParam("groupBy") @DefaultValue("group") String groupBy,
                                 AlertmanagerWebhook webhook, @Context HttpServerRequest request) {
        String key = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).strip() : null;
        if (key == null || key.isEmpty()) {
            return Uni.createFrom().item(unauthenticated("an integration key is required: Authorization: Bearer <key>"));
        }
        return accept(key, groupBy, webhook, request);
    }

    @POST
    @Path("{integrationKey}")
    @Operation(summary = "Alertmanager webhook v4, key in the path (prefer the Authorization header: paths are logged)")
    public Uni<Response> receiveWithKeyInPath(@PathParam("integrationKey") String key,
                                             @QueryParam("groupBy") @DefaultValue("group") String groupBy,
                                             AlertmanagerWebhook webhook, @Context HttpServerRequest request) {
        return accept(key, groupBy, webhook, request);
    }

    private Uni<Response> accept(String key, String groupBy, AlertmanagerWebhook webhook, HttpServerRequest request) {
        if (webhook == null) {
            return Uni.createFrom().failure(ProblemException.invalid(List.of(new Violation("body", "is required"))));
        }
        List<Violation> violations = new java.util.ArrayList<>(webhook.violations());
        AlertmanagerWebhook.GroupBy grouping = switch (groupBy) {
            case "group" -> AlertmanagerWebhook.GroupBy.GROUP;
            case "alert" -> AlertmanagerWebhook.GroupBy.ALERT;
            default -> {
                violations.add(new Violation("groupBy", "must be group or alert"));
                yield null;
            }
        };
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(violations));
        }
        return intake.alertmanager(key, IntakeSources.of(request), webhook, grouping).map(AlertmanagerIntakeResource::answer);
    }

    static Response answer(IntakeResult result) {
        if (result instanceof IntakeResult.Accepted accepted) {
            return Response.accepted(Map.of("status", "success", "signals", accepted.count())).build();
        }
        if (result instanceof IntakeResult.Overloaded overloaded) {
            return Response.fromResponse(ProblemResponses.of(Problem.of(429, "intake-overloaded", "Intake at capacity",
                    "Intake is taking all the events it can; retry after the time given")))
                    .header("Retry-After", overloaded.retryAfterSeconds()).build();
        }
        if (result instanceof IntakeResult.NotServedHere notServed) {
            return IntakeUnavailable.answer(notServed);
        }
        if (result instanceof IntakeResult.Throttled throttled) {
            return Response.fromResponse(ProblemResponses.of(Problem.of(429, "rate-limited", "Too many requests",
                    "Too many events for this integration key, or too many unknown keys from this address")))
                    .header("Retry-After", throttled.retryAfterSeconds()).build();
        }
        if (result instanceof IntakeResult.Unknown) {
            return unauthenticated("unknown or revoked integration key");
        }
        return ProblemResponses.of(Problem.of(400, "validation", "Invalid request", String.join("; ",
                ((IntakeResult.Invalid) result).errors())));
    }

    private static Response unauthenticated(String detail) {
        return Response.fromResponse(ProblemResponses.of(Problem.of(401, "unauthenticated", "Unauthenticated", detail)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}
