package io.firebreak.review.domain.trackers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firebreak.platform.delivery.OutboundMessage;
import java.util.Locale;
import java.util.Map;

/**
 * GitHub Issues REST API (version 2022-11-28): {@code POST /repos/{owner}/{repo}/issues} (201 with {@code number} and
 * {@code html_url}), {@code PATCH /repos/{owner}/{repo}/issues/{number}} with {@code state: closed, state_reason: completed},
 * {@code POST /repos/{owner}/{repo}/issues/{number}/comments}; back through the {@code issues} webhook event. The
 * credential is a token sent as {@code Authorization: Bearer …}.
 */
final class GitHubIssues implements TrackerApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> HEADERS = Map.of("Accept", "application/vnd.github+json", "X-GitHub-Api-Version", "2022-11-28",
            "Content-Type", "application/json");

    private final TrackerTarget target;

    GitHubIssues(TrackerTarget target) {
        this.target = target;
    }

    private String issues() {
        return target.base() + "/repos/" + target.repository() + "/issues";
    }

    private OutboundMessage call(String method, String url, ObjectNode body) {
        return OutboundMessage.http(method, url, HEADERS, body.toString(), null, target.credential());
    }

    @Override
    public OutboundMessage create(ItemText item) {
        ObjectNode body = JSON.createObjectNode().put("title", "[" + item.incidentKey() + "] " + item.title()).put("body", item.body());
        body.putArray("labels").add("firebreak").add("action-item").add(item.type().toLowerCase(Locale.ROOT).replace('_', '-'));
        return call("POST", issues(), body).keepingResponse();
    }

    @Override
    public OutboundMessage close(String reference) {
        return call("PATCH", issues() + "/" + reference, JSON.createObjectNode().put("state", "closed").put("state_reason", "completed"));
    }

    @Override
    public OutboundMessage comment(String reference, String text) {
        return call("POST", issues() + "/" + reference + "/comments", JSON.createObjectNode().put("body", text));
    }

    @Override
    public TrackerLink created(String answer) {
        try {
            JsonNode issue = JSON.readTree(answer == null ? "" : answer);
            if (issue == null || !issue.path("number").canConvertToLong() || !issue.path("html_url").isTextual()) {
                return null;
            }
            return new TrackerLink(Long.toString(issue.path("number").asLong()), issue.path("html_url").asText());
        } catch (java.io.IOException e) {
            return null;
        }
    }

    @Override
    public TrackerUpdate update(String event, JsonNode payload) {
        JsonNode issue = payload.path("issue");
        if (!"issues".equals(event) || !issue.path("number").canConvertToLong()) {
            return null;
        }
        if (!target.repository().equalsIgnoreCase(payload.path("repository").path("full_name").asText(""))) {
            return null;
        }
        boolean closed = "closed".equals(issue.path("state").asText());
        return new TrackerUpdate(Long.toString(issue.path("number").asLong()), closed,
                closed && !"not_planned".equals(issue.path("state_reason").asText()),
                "github:" + payload.path("sender").path("login").asText("unknown"), TrackerApi.evidenceIn(issue.path("body").asText(null)));
    }
}
