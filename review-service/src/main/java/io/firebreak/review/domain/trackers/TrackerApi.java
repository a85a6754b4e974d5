package io.firebreak.review.domain.trackers;

import io.firebreak.platform.delivery.OutboundMessage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few calls Firebreak makes to an issue tracker, as the tracker documents them, and how it reads the tracker's
 * answers and webhooks. Pure: requests are built here and sent by the platform's outbound delivery.
 */
public interface TrackerApi {

    /** A line {@code Evidence: <url>} (the first link on it) in the description names the changed runbook, course or alert rule. */
    Pattern EVIDENCE = Pattern.compile("(?im)^[ \\t]*evidence:[^\\n]*?(https?://[^\\s<>\"]+)");

    OutboundMessage create(ItemText item);

    OutboundMessage close(String reference);

    OutboundMessage comment(String reference, String text);

    /** The created issue named in the tracker's answer to {@link #create}, or null when the answer does not name one. */
    TrackerLink created(String answer);

    /** What a webhook delivery says about an issue, or null when it is about something else (another event, another project). */
    TrackerUpdate update(String event, com.fasterxml.jackson.databind.JsonNode payload);

    /** The last evidence link written in {@code text}, or null. */
    static String evidenceIn(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = EVIDENCE.matcher(text);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    /** What Firebreak writes into the issue. */
    record ItemText(String incidentKey, String title, String description, String owner, java.time.Instant deadline, String priority,
                    String type, String link) {

        String body() {
            StringBuilder b = new StringBuilder();
            b.append("Action item of the post-mortem of ").append(incidentKey).append(" (Firebreak).\n\n");
            if (description != null) {
                b.append(description).append("\n\n");
            }
            b.append("Owner: ").append(owner).append('\n');
            b.append("Deadline: ").append(deadline).append('\n');
            b.append("Priority: ").append(priority).append('\n');
            b.append("Type: ").append(type).append('\n');
            if (link != null) {
                b.append("Post-mortem: ").append(link).append('\n');
            }
            if (needsEvidence()) {
                b.append("\nBefore closing, add a line \"Evidence: <link to the changed ")
                        .append(switch (type) {
                            case "RUNBOOK_UPDATE" -> "runbook";
                            case "TRAINING_MATERIAL" -> "course or training material";
                            default -> "alert rule";
                        })
                        .append(">\" to this description: Firebreak closes the item only with it.\n");
            }
            return b.toString();
        }

        boolean needsEvidence() {
            return "RUNBOOK_UPDATE".equals(type) || "TRAINING_MATERIAL".equals(type) || "MONITORING_CONFIGURATION".equals(type);
        }
    }

    /** The tracker's issue: its reference (GitHub number, Jira key) and where people open it. */
    record TrackerLink(String reference, String url) {
    }

    /** An issue closed (or reopened) in the tracker, by whom, and the evidence link its description names. */
    record TrackerUpdate(String reference, boolean closed, boolean completed, String by, String evidence) {
    }
}
