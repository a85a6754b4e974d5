package io.firebreak.classification.domain.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Validation of PagerDuty Events API v2 bodies, with PagerDuty's error list style. Pure; the body is
 * read as a JSON tree so that every problem is reported, not just the first that binding meets.
 */
public final class PagerDutyEvents {

    public static final Set<String> ACTIONS = Set.of("trigger", "acknowledge", "resolve");
    public static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");

    private PagerDutyEvents() {
    }

    /** Errors of an alert event (POST /v2/enqueue); empty when valid. */
    public static List<String> alertErrors(JsonNode body) {
        List<String> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            errors.add("Event object must be a JSON object");
            return errors;
        }
        routingKey(body, errors);
        String action = text(body, "event_action");
        if (action == null) {
            errors.add("'event_action' is missing or blank");
        } else if (!ACTIONS.contains(action)) {
            errors.add("'event_action' must be one of trigger, acknowledge, resolve");
        }
        String dedup = text(body, "dedup_key");
        if (dedup != null && dedup.length() > 255) {
            errors.add("'dedup_key' must be at most 255 characters");
        }
        if (("acknowledge".equals(action) || "resolve".equals(action)) && dedup == null) {
            errors.add("'dedup_key' is required for " + action + " events");
        }
        if ("trigger".equals(action)) {
            JsonNode payload = body.get("payload");
            if (payload == null || !payload.isObject()) {
                errors.add("'payload' is missing or not an object");
            } else {
                summary(payload, errors);
                if (text(payload, "source") == null) {
                    errors.add("'payload.source' is missing or blank");
                }
                String severity = text(payload, "severity");
                if (severity == null) {
                    errors.add("'payload.severity' is missing or blank");
                } else if (!SEVERITIES.contains(severity)) {
                    errors.add("'payload.severity' must be one of critical, error, warning, info");
                }
                timestamp(payload, "payload.timestamp", errors);
                JsonNode details = payload.get("custom_details");
                if (details != null && !details.isNull() && !details.isObject() && !details.isTextual()) {
                    errors.add("'payload.custom_details' must be an object");
                }
            }
        }
        arrays(body, errors, "links", "images");
        return errors;
    }

    /** Errors of a change event (POST /v2/change/enqueue). */
    public static List<String> changeErrors(JsonNode body) {
        List<String> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            errors.add("Event object must be a JSON object");
            return errors;
        }
        routingKey(body, errors);
        JsonNode payload = body.get("payload");
        if (payload == null || !payload.isObject()) {
            errors.add("'payload' is missing or not an object");
        } else {
            summary(payload, errors);
            timestamp(payload, "payload.timestamp", errors);
        }
        arrays(body, errors, "links");
        return errors;
    }

    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    private static void summary(JsonNode payload, List<String> errors) {
        String summary = text(payload, "summary");
        if (summary == null) {
            errors.add("'payload.summary' is missing or blank");
        } else if (summary.length() > 1024) {
            errors.add("'payload.summary' must be at most 1024 characters");
        }
    }

    private static void routingKey(JsonNode body, List<String> errors) {
        String key = text(body, "routing_key");
        if (key == null) {
            errors.add("'routing_key' is missing or blank");
        } else if (key.length() != 32) {
            errors.add("'routing_key' must be 32 characters");
        }
    }

    private static void timestamp(JsonNode payload, String name, List<String> errors) {
        String ts = text(payload, "timestamp");
        if (ts != null && Timestamps.parse(ts) == null) {
            errors.add("'" + name + "' must be an ISO 8601 timestamp");
        }
    }

    private static void arrays(JsonNode body, List<String> errors, String... fields) {
        for (String field : fields) {
            JsonNode value = body.get(field);
            if (value != null && !value.isNull() && !value.isArray()) {
                errors.add("'" + field + "' must be an array");
            }
        }
    }
}
