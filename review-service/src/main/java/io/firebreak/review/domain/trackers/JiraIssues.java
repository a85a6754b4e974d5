package io.firebreak.review.domain.trackers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firebreak.platform.delivery.OutboundMessage;
import java.util.Map;

/**
 * Jira Cloud REST API v3: {@code POST /rest/api/3/issue} (201 with {@code id}, {@code key}, {@code self}), closed by
 * {@code POST /rest/api/3/issue/{key}/transitions} with the project's done transition, commented by
 * {@code POST /rest/api/3/issue/{key}/comment}; texts in the Atlassian Document Format. Back through an admin webhook's
 * {@code jira:issue_updated} event. The credential is {@code Basic base64(email:api-token)}.
 */
final class JiraIssues implements TrackerApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> HEADERS = Map.of("Accept", "application/json", "Content-Type", "application/json");

    private final TrackerTarget target;

    JiraIssues(TrackerTarget target) {
        this.target = target;
    }

    private OutboundMessage call(String path, ObjectNode body) {
        return OutboundMessage.http("POST", target.base() + "/rest/api/3/issue" + path, HEADERS, body.toString(), null, target.credential());
    }

    /** Plain text as an ADF document: one paragraph per non-blank line (ADF refuses empty text nodes). */
    static ObjectNode document(String text) {
        ObjectNode doc = JSON.createObjectNode().put("type", "doc").put("version", 1);
        ArrayNode content = doc.putArray("content");
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                ObjectNode paragraph = content.addObject().put("type", "paragraph");
                paragraph.putArray("content").addObject().put("type", "text").put("text", line);
            }
        }
        return doc;
    }

    /** The text of an ADF document, a line per block, with the targets of its links (where a link's text hides its URL). */
    static String text(JsonNode node) {
        StringBuilder out = new StringBuilder();
        collect(node, out);
        return out.toString();
    }

    private static void collect(JsonNode node, StringBuilder out) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return;
        }
        if (node.isTextual()) {
            out.append(node.asText()).append('\n'); // a v2-style plain description
            return;
        }
        if ("text".equals(node.path("type").asText())) {
            out.append(node.path("text").asText(""));
            for (JsonNode mark : node.path("marks")) {
                if ("link".equals(mark.path("type").asText()) && mark.path("attrs").path("href").isTextual()
                        && !node.path("text").asText("").contains(mark.path("attrs").path("href").asText())) {
                    out.append(' ').append(mark.path("attrs").path("href").asText());
                }
            }
            return;
        }
        if ("inlineCard".equals(node.path("type").asText())) {
            out.append(node.path("attrs").path("url").asText(""));
            return;
        }
        for (JsonNode child : node.path("content")) {
            collect(child, out);
        }
        if ("paragraph".equals(node.path("type").asText()) || "heading".equals(node.path("type").asText())) {
            out.append('\n');
        }
    }

    @Override
    public OutboundMessage create(ItemText item) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode fields = body.putObject("fields");
        fields.putObject("project").put("key", target.projectKey());
        fields.put("summary", "[" + item.incidentKey() + "] " + item.title());
        fields.putObject("issuetype").put("name", target.issueType());
        fields.set("description", document(item.body()));
        fields.putArray("labels").add("firebreak").add("action-item");
        return call("", body).keepingResponse();
    }

    @Override
    public OutboundMessage close(String reference) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("transition").put("id", target.doneTransition());
        return call("/" + reference + "/transitions", body);
    }

    @Override
    public OutboundMessage comment(String reference, String text) {
        ObjectNode body = JSON.createObjectNode();
        body.set("body", document(text));
        return call("/" + reference + "/comment", body);
    }

    @Override
    public TrackerLink created(String answer) {
        try {
            JsonNode issue = JSON.readTree(answer == null ? "" : answer);
            if (issue == null || !issue.path("key").isTextual()) {
                return null;
            }
            return new TrackerLink(issue.path("key").asText(), target.base() + "/browse/" + issue.path("key").asText());
        } catch (java.io.IOException e) {
            return null;
        }
    }

    @Override
    public TrackerUpdate update(String event, JsonNode payload) {
        JsonNode issue = payload.path("issue");
        if (!"jira:issue_updated".equals(payload.path("webhookEvent").asText()) || !issue.path("key").isTextual()) {
            return null;
        }
        JsonNode project = issue.path("fields").path("project").path("key");
        if (project.isTextual() && !project.asText().equals(target.projectKey())) {
            return null;
        }
        JsonNode status = issue.path("fields").path("status");
        boolean closed = "done".equals(status.path("statusCategory").path("key").asText());
        JsonNode user = payload.path("user");
        String by = user.path("accountId").isTextual() ? user.path("accountId").asText() : user.path("name").asText("unknown");
        JsonNode resolution = issue.path("fields").path("resolution").path("name");
        boolean wontDo = resolution.isTextual() && resolution.asText().matches("(?i)won'?t (do|fix)|declined|duplicate|cannot reproduce");
        return new TrackerUpdate(issue.path("key").asText(), closed, closed && !wontDo, "jira:" + by,
                TrackerApi.evidenceIn(text(issue.path("fields").path("description"))));
    }
}
