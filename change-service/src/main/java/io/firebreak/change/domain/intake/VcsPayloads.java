package io.firebreak.change.domain.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.firebreak.platform.time.TimeBounds;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the webhook payloads change understands into {@link Received} items, per the sources' documentation:
 * GitHub {@code push} and {@code deployment_status} (a deploy when its state is {@code success}); GitLab
 * {@code Push Hook} and {@code Deployment Hook} (a deploy when its status is {@code success}). Other events and
 * states are acknowledged and yield nothing. Pure.
 */
public final class VcsPayloads {

    private static final DateTimeFormatter GITLAB_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z");

    private VcsPayloads() {
    }

    /** The repository a payload claims to come from ({@code full_name} / {@code path_with_namespace}), or null. */
    public static String githubRepository(JsonNode payload) {
        return text(payload.path("repository"), "full_name");
    }

    public static String gitlabRepository(JsonNode payload) {
        return text(payload.path("project"), "path_with_namespace");
    }

    public static List<Received> github(String event, String delivery, JsonNode p, String service, Instant receivedAt) {
        List<Received> out = new ArrayList<>();
        String repository = githubRepository(p);
        if ("push".equals(event)) {
            for (JsonNode c : p.path("commits")) {
                String sha = text(c, "id");
                if (sha == null) {
                    continue;
                }
                out.add(new Received("github:" + repository + ":commit:" + sha, Received.COMMIT, "GITHUB", repository, sha, service, null,
                        firstLine(text(c, "message")), author(c.path("author")), text(c, "url"), time(text(c, "timestamp"), receivedAt),
                        text(c, "message")));
            }
        } else if ("deployment_status".equals(event)) {
            JsonNode status = p.path("deployment_status");
            JsonNode deployment = p.path("deployment");
            if ("success".equals(text(status, "state"))) {
                String sha = text(deployment, "sha");
                String environment = text(status, "environment") != null ? text(status, "environment") : text(deployment, "environment");
                String description = text(deployment, "description");
                String summary = "Deployed " + (text(deployment, "ref") != null ? text(deployment, "ref") : sha) + " to " + environment
                        + (description == null || description.isBlank() ? "" : ": " + description);
                out.add(new Received("github:" + repository + ":deploy:" + (status.path("id").isMissingNode() ? delivery : status.path("id").asText()),
                        Received.DEPLOY, "GITHUB", repository, sha, service, environment, summary, text(deployment.path("creator"), "login"),
                        text(status, "target_url"), time(text(status, "created_at"), receivedAt), summary));
            }
        }
        return out;
    }

    public static List<Received> gitlab(String event, String delivery, JsonNode p, String service, Instant receivedAt) {
        List<Received> out = new ArrayList<>();
        String repository = gitlabRepository(p);
        String kind = text(p, "object_kind");
        if ("Push Hook".equals(event) || "push".equals(kind)) {
            for (JsonNode c : p.path("commits")) {
                String sha = text(c, "id");
                if (sha == null) {
                    continue;
                }
                out.add(new Received("gitlab:" + repository + ":commit:" + sha, Received.COMMIT, "GITLAB", repository, sha, service, null,
                        firstLine(text(c, "message")), author(c.path("author")), text(c, "url"), time(text(c, "timestamp"), receivedAt),
                        text(c, "message")));
            }
        } else if (("Deployment Hook".equals(event) || "deployment".equals(kind)) && "success".equals(text(p, "status"))) {
            String environment = text(p, "environment");
            String sha = text(p, "short_sha");
            String title = text(p, "commit_title");
            out.add(new Received("gitlab:" + repository + ":deploy:" + (p.path("deployment_id").isMissingNode() ? delivery : p.path("deployment_id").asText()),
                    Received.DEPLOY, "GITLAB", repository, sha, service, environment,
                    "Deployed " + sha + " to " + environment + (title == null ? "" : ": " + title), text(p.path("user"), "username"),
                    text(p, "deployable_url"), time(text(p, "status_changed_at"), receivedAt), title));
        }
        return out;
    }

    private static String author(JsonNode a) {
        return text(a, "username") != null ? text(a, "username") : text(a, "name");
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 500 ? line.substring(0, 500) : line;
    }

    /** ISO-8601 (GitHub, GitLab commits) or GitLab's {@code 2021-04-28 21:50:00 +0200}; the receipt time otherwise. */
    static Instant time(String value, Instant fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return TimeBounds.instant(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            try {
                return TimeBounds.instant(value, GITLAB_TIME);
            } catch (DateTimeParseException again) {
                return fallback;
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
