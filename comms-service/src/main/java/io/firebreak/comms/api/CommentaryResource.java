package io.firebreak.comms.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.comms.config.CommsConfig;
import io.firebreak.comms.domain.commentary.Commentary;
import io.firebreak.platform.delivery.StandardWebhooks;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.time.TimeBounds;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The public-commentary monitoring intake (support and social tools post mentions, signed per Standard Webhooks with
 * the configured secret: no user token). Flagged mentions are read per incident (IncidentCommentaryResource).
 */
@Path("/api/v1/comms/commentary")
@Produces(MediaType.APPLICATION_JSON)
public class CommentaryResource {

    /** How far a signed post's timestamp may be from now (replay protection, as Standard Webhooks recommends). */
    private static final long TOLERANCE_SECONDS = 300;

    private final Commentary commentary;
    private final CommsConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;

    public CommentaryResource(Commentary commentary, CommsConfig config, ObjectMapper mapper, Clock clock) {
        this.commentary = commentary;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    public record IntakeAnswer(UUID id, boolean duplicate, List<String> flaggedIncidents) {
    }

    @POST
    @Path("/intake")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A monitoring tool reports a public mention {source, author, staff, url, text, postedAt}; signed per Standard Webhooks")
    public Uni<Response> intake(@HeaderParam(StandardWebhooks.ID) String id, @HeaderParam(StandardWebhooks.TIMESTAMP) String timestamp,
                                @HeaderParam(StandardWebhooks.SIGNATURE) String signature, String body) {
        String secret = config.commentary().secret().orElseThrow(() -> ProblemException.unauthorized(
                "The commentary intake is not configured (firebreak.comms.commentary.secret)"));
        long ts;
        try {
            ts = Long.parseLong(timestamp == null ? "" : timestamp.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.unauthorized("A signed post needs webhook-id, webhook-timestamp and webhook-signature");
        }
        if (id == null || id.isBlank() || signature == null || Math.abs(clock.instant().getEpochSecond() - ts) > TOLERANCE_SECONDS
                || !StandardWebhooks.verify(secret, id, ts, body == null ? "" : body, signature)) {
            throw ProblemException.unauthorized("The signature of this post does not verify (or its timestamp is more than 5 minutes off)");
        }
        return commentary.receive(parse(id.strip(), body)).map(r -> Response.status(r.duplicate() ? 200 : 202)
                .entity(new IntakeAnswer(r.mention().id, r.duplicate(), r.mention().flagged)).build());
    }

    private Commentary.Mention parse(String id, String body) {
        JsonNode json;
        try {
            json = mapper.readTree(body == null ? "" : body);
        } catch (Exception e) {
            throw ProblemException.invalid(List.of(new Violation("body", "is not JSON")));
        }
        List<Violation> violations = new ArrayList<>();
        String source = text(json, "source", violations, 100);
        String author = text(json, "author", violations, 200);
        String url = text(json, "url", violations, 2000);
        String text = text(json, "text", violations, 10_000);
        if (json == null || !json.path("staff").isBoolean()) {
            violations.add(new Violation("staff", "is required: whether the author is a member of staff"));
        }
        Instant postedAt = null;
        String posted = json == null ? null : json.path("postedAt").asText(null);
        if (posted == null) {
            violations.add(new Violation("postedAt", "is required"));
        } else {
            try {
                postedAt = TimeBounds.instant(posted);
            } catch (DateTimeParseException e) {
                violations.add(new Violation("postedAt", "must be an ISO-8601 instant"));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return new Commentary.Mention(source, id, author, json.path("staff").asBoolean(), url, text, postedAt);
    }

    private static String text(JsonNode json, String field, List<Violation> violations, int max) {
        String value = json == null ? null : json.path(field).asText(null);
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "is required"));
            return null;
        }
        if (value.length() > max) {
            violations.add(new Violation(field, "must be at most " + max + " characters"));
        }
        return value.strip();
    }

}
