package io.firebreak.response.api.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firebreak.platform.problem.Problem;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.response.config.ResponseConfig;
import io.firebreak.response.domain.chat.ChatAcknowledgements;
import io.firebreak.response.domain.chat.SlackSignatures;
import io.firebreak.response.domain.contact.ChannelMessages;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Clicks on a page's chat button. Neither endpoint takes a Firebreak token: Slack's requests are proven
 * by Slack's signature over the raw body (the app's signing secret), and both carry the page's own
 * signed, expiring, single-use token, which is what authorises the acknowledgement.
 */
@Path("/api/v1/response/chat")
public class ChatActionResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChatAcknowledgements acknowledgements;
    private final ResponseConfig config;
    private final Clock clock;

    public ChatActionResource(ChatAcknowledgements acknowledgements, ResponseConfig config, Clock clock) {
        this.acknowledgements = acknowledgements;
        this.config = config;
        this.clock = clock;
    }

    @POST
    @Path("/slack/actions")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Slack interactivity request URL: the page's Acknowledge button (Slack-signed)")
    public Uni<Response> slack(@HeaderParam("X-Slack-Request-Timestamp") String timestamp,
                               @HeaderParam("X-Slack-Signature") String signature, String body) {
        String secret = config.chat().slackSigningSecret().orElseThrow(() -> ProblemException.notFound("Slack interactivity", "slack"));
        if (!SlackSignatures.verify(secret, timestamp, body, signature, clock.instant(), config.chat().slackMaxAge())) {
            throw new ProblemException(Problem.of(401, "slack-signature", "Not signed by Slack",
                    "X-Slack-Signature does not match the body and X-Slack-Request-Timestamp, or the request is too old"));
        }
        JsonNode payload = slackPayload(body);
        JsonNode action = null;
        for (JsonNode a : payload.path("actions")) {
            if (ChannelMessages.ACK_ACTION.equals(a.path("action_id").asText())) {
                action = a;
            }
        }
        if (action == null) {
            // Other buttons (the link one) also notify the app; nothing to do for them.
            return Uni.createFrom().item(Response.ok(JSON.createObjectNode().toString()).build());
        }
        JsonNode user = payload.path("user");
        String clickedBy = firstText(user, "username", "name", "id");
        String responseUrl = payload.path("response_url").isTextual() ? payload.path("response_url").asText() : null;
        return acknowledgements.acknowledge(action.path("value").asText(null), "SLACK", clickedBy, responseUrl)
                .map(outcome -> answer(outcome, JSON.createObjectNode().put("response_type", "ephemeral").put("text", outcome.message())));
    }

    @POST
    @Path("/mattermost/actions")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mattermost integration URL of the page's Acknowledge button (the context carries the page's token)")
    public Uni<Response> mattermost(JsonNode request) {
        if (request == null || !request.path("context").path("token").isTextual()) {
            throw ProblemException.invalid(List.of(new Violation("context.token", "is required (the token of the page's button)")));
        }
        String clickedBy = firstText(request, "user_name", "user_id");
        return acknowledgements.acknowledge(request.path("context").path("token").asText(), "MATTERMOST", clickedBy, null).map(outcome -> {
            ObjectNode answer = JSON.createObjectNode().put("ephemeral_text", outcome.message());
            if (outcome.result() == ChatAcknowledgements.Result.ACKNOWLEDGED || outcome.result() == ChatAcknowledgements.Result.ALREADY_ACKNOWLEDGED) {
                answer.putObject("update").put("message", outcome.message());
            }
            return answer(outcome, answer);
        });
    }

    private static Response answer(ChatAcknowledgements.Outcome outcome, ObjectNode body) {
        if (outcome.result() == ChatAcknowledgements.Result.FORGED) {
            // As with a forged link: nothing is learned about pages.
            throw ProblemException.notFound("Page", "of this button");
        }
        return Response.ok(body.toString()).build();
    }

    private static JsonNode slackPayload(String body) {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && "payload".equals(pair.substring(0, eq))) {
                try {
                    return JSON.readTree(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (java.io.IOException | IllegalArgumentException e) {
                    throw ProblemException.invalid(List.of(new Violation("payload", "is not JSON")));
                }
            }
        }
        throw ProblemException.invalid(List.of(new Violation("payload", "is required (Slack sends the interaction as a payload field)")));
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String f : fields) {
            if (node.path(f).isTextual() && !node.path(f).asText().isBlank()) {
                return node.path(f).asText();
            }
        }
        return "unknown";
    }
}
