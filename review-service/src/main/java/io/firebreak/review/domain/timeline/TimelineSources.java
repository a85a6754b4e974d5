package io.firebreak.review.domain.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.firebreak.events.EventTypes;
import io.firebreak.platform.time.TimeBounds;
import io.firebreak.review.domain.timeline.TimelineRules.Kind;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which events of the other services become timeline entries, with which kind, time (the fact's own time in the
 * payload, not when it was published), subject (what ties entries together: a page, a change) and title. Pure.
 */
public final class TimelineSources {

    /** A timeline entry recorded from an event; {@code id} is the event's id (with a suffix when one event gives two). */
    public record Recorded(String id, Instant at, Kind kind, String source, String subject, String title) {
    }

    private record Mapping(Kind kind, String time, String subject) {
    }

    private static final Map<String, Mapping> MAPPINGS = Map.ofEntries(
            Map.entry(EventTypes.INCIDENT_PRIORITY_CHANGED, new Mapping(Kind.PRIORITY_CHANGED, "changedAt", null)),
            Map.entry(EventTypes.PAGE_TRIGGERED, new Mapping(Kind.PAGED, "triggeredAt", "pageId")),
            Map.entry(EventTypes.PAGE_ACKNOWLEDGED, new Mapping(Kind.ACKNOWLEDGED, "acknowledgedAt", "pageId")),
            Map.entry(EventTypes.ESCALATION_ESCALATED, new Mapping(Kind.ESCALATED, "escalatedAt", "escalationId")),
            Map.entry(EventTypes.ROLE_ASSIGNED, new Mapping(Kind.ROLE_ASSIGNED, "acceptedAt", "assignmentId")),
            Map.entry(EventTypes.ROLE_HANDED_OVER, new Mapping(Kind.ROLE_HANDED_OVER, "acknowledgedAt", "handoverId")),
            Map.entry(EventTypes.RESPONSE_ACKNOWLEDGED, new Mapping(Kind.ACKNOWLEDGED, "acknowledgedAt", null)),
            Map.entry(EventTypes.RESPONSE_MITIGATED, new Mapping(Kind.MITIGATED, "mitigatedAt", null)),
            Map.entry(EventTypes.RESPONSE_RESOLVED, new Mapping(Kind.RESOLVED, "resolvedAt", null)),
            Map.entry(EventTypes.RESPONSE_CLOSED, new Mapping(Kind.CLOSED, "closedAt", null)),
            Map.entry(EventTypes.STATUS_PUBLISHED, new Mapping(Kind.STATUS_PUBLISHED, "publishedAt", null)),
            Map.entry(EventTypes.EXTERNAL_COMMS_SENT, new Mapping(Kind.EXTERNAL_COMMUNICATION, "sentAt", null)),
            Map.entry(EventTypes.BRIDGE_UPDATE_RECORDED, new Mapping(Kind.BRIDGE_UPDATE, "recordedAt", "updateId")),
            Map.entry(EventTypes.TRIAGE_HYPOTHESIS_CHANGED, new Mapping(Kind.TRIAGE, "changedAt", "hypothesisId")),
            Map.entry(EventTypes.TRIAGE_FINDING_RECORDED, new Mapping(Kind.TRIAGE, "recordedAt", "findingId")),
            Map.entry(EventTypes.CHANGE_REQUESTED, new Mapping(Kind.CHANGE_REQUESTED, "at", "changeKey")),
            Map.entry(EventTypes.CHANGE_APPROVED, new Mapping(Kind.CHANGE_APPROVED, "at", "changeKey")),
            Map.entry(EventTypes.CHANGE_IMPLEMENTED, new Mapping(Kind.CHANGE_IMPLEMENTED, "at", "changeKey")));

    private TimelineSources() {
    }

    /** Whether events of this type go onto timelines (declarations do too). */
    public static boolean wanted(String type) {
        return EventTypes.INCIDENT_DECLARED.equals(type) || MAPPINGS.containsKey(type);
    }

    public static List<Recorded> entries(String type, String eventId, JsonNode data, String source, Instant published) {
        List<Recorded> out = new ArrayList<>();
        if (EventTypes.INCIDENT_DECLARED.equals(type)) {
            out.add(new Recorded(eventId + ":detected", time(data, "detectedAt", published), Kind.DETECTED, source, null,
                    "Impact detected on " + data.path("businessService").asText()));
            out.add(new Recorded(eventId + ":declared", time(data, "declaredAt", published), Kind.DECLARED, source, null,
                    data.path("priority").asText() + " declared by " + data.path("declaredBy").asText() + ": " + data.path("title").asText()));
            return out;
        }
        Mapping m = MAPPINGS.get(type);
        if (m == null) {
            return out;
        }
        String subject = m.subject() == null || data.path(m.subject()).isMissingNode() || data.path(m.subject()).isNull()
                ? null : data.path(m.subject()).asText();
        out.add(new Recorded(eventId, time(data, m.time(), published), m.kind(), source, subject, title(type, m.kind(), data)));
        return out;
    }

    private static String title(String type, Kind kind, JsonNode d) {
        return switch (kind) {
            case PRIORITY_CHANGED -> "Priority " + d.path("previousPriority").asText("?") + " → " + d.path("priority").asText() + " ("
                    + d.path("reason").asText() + ")";
            case PAGED -> "Paged " + d.path("person").asText() + (d.hasNonNull("role") ? " as " + d.path("role").asText() : "")
                    + " (level " + d.path("level").asInt() + ")";
            case ACKNOWLEDGED -> "Acknowledged by " + d.path("acknowledgedBy").asText() + " via " + d.path("via").asText("the incident");
            case ESCALATED -> "Escalated from level " + d.path("fromLevel").asInt() + " to " + d.path("toLevel").asInt();
            case ROLE_ASSIGNED -> d.path("person").asText() + " accepted " + d.path("role").asText();
            case ROLE_HANDED_OVER -> d.path("role").asText() + " handed over from " + d.path("fromPerson").asText() + " to "
                    + d.path("toPerson").asText();
            case STATUS_PUBLISHED -> "Status v" + d.path("version").asInt() + " " + d.path("state").asText() + ": " + d.path("impact").asText();
            case EXTERNAL_COMMUNICATION -> d.path("kind").asText() + " to " + d.path("audience").asText() + " via " + d.path("channel").asText();
            case BRIDGE_UPDATE -> "Bridge update " + d.path("seq").asInt() + " by " + d.path("recordedBy").asText() + ": " + d.path("status").asText()
                    + (d.path("decisions").size() > 0 ? " (" + d.path("decisions").size() + " decision(s))" : "");
            case TRIAGE -> (EventTypes.TRIAGE_FINDING_RECORDED.equals(type) ? "Finding in " + d.path("component").asText() + ": "
                    : "Hypothesis " + d.path("status").asText() + ": ") + d.path("statement").asText();
            case CHANGE_REQUESTED, CHANGE_APPROVED, CHANGE_IMPLEMENTED -> d.path("changeKey").asText() + " " + d.path("action").asText()
                    + " on " + d.path("targetService").asText() + " " + kind.name().substring("CHANGE_".length()).toLowerCase()
                    + " by " + d.path("by").asText();
            default -> kind.name().charAt(0) + kind.name().substring(1).toLowerCase() + " by " + d.path("changedBy").asText("?");
        };
    }

    private static Instant time(JsonNode data, String field, Instant fallback) {
        JsonNode v = data.path(field);
        if (v.isTextual()) {
            try {
                return TimeBounds.instant(v.asText());
            } catch (DateTimeParseException e) {
                return fallback;
            }
        }
        return fallback;
    }
}
