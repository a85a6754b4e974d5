package io.firebreak.review.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What an action item must have: a named owner, a deadline in the future, a priority and a type; and what closing it
 * takes — a runbook update, training material or monitoring configuration closes only with evidence (a link to the
 * changed document, course or alert rule), so the feedback loop verifiably closes. Pure.
 */
public final class ActionItemRules {

    public enum Type { FIX, RUNBOOK_UPDATE, TRAINING_MATERIAL, MONITORING_CONFIGURATION, ARCHITECTURE }

    public static final Set<String> PRIORITIES = Set.of("HIGH", "MEDIUM", "LOW");
    static final Set<Type> NEED_EVIDENCE = Set.of(Type.RUNBOOK_UPDATE, Type.TRAINING_MATERIAL, Type.MONITORING_CONFIGURATION);

    private ActionItemRules() {
    }

    /** A problem with one field of an item (the API turns these into problem+json violations). */
    public record Problem(String field, String message) {
    }

    public static List<Problem> creationProblems(String title, String owner, Instant deadline, String priority, String type, Instant now) {
        List<Problem> out = new ArrayList<>();
        if (title == null || title.isBlank()) {
            out.add(new Problem("title", "is required"));
        }
        if (owner == null || owner.isBlank()) {
            out.add(new Problem("owner", "every action item has a named owner"));
        }
        if (deadline == null) {
            out.add(new Problem("deadline", "every action item has a deadline"));
        } else if (!deadline.isAfter(now)) {
            out.add(new Problem("deadline", "must be in the future"));
        }
        if (priority == null || !PRIORITIES.contains(priority)) {
            out.add(new Problem("priority", "is required: HIGH, MEDIUM or LOW"));
        }
        if (type(type) == null) {
            out.add(new Problem("type", "is required: FIX, RUNBOOK_UPDATE, TRAINING_MATERIAL, MONITORING_CONFIGURATION or ARCHITECTURE"));
        }
        return out;
    }

    public static Type type(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Type.valueOf(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Why the item cannot be closed with {@code evidence} (null when it can): the loop-closing types need an http(s) link. */
    public static String closingRefusal(Type type, String evidence) {
        if (!NEED_EVIDENCE.contains(type)) {
            return null;
        }
        if (evidence == null || !(evidence.startsWith("https://") || evidence.startsWith("http://")) || evidence.length() < 12) {
            return "Closing a " + type + " item needs evidence: a link to the changed "
                    + switch (type) {
                        case RUNBOOK_UPDATE -> "runbook";
                        case TRAINING_MATERIAL -> "course or training material";
                        default -> "alert rule or dashboard";
                    };
        }
        return null;
    }

    public static boolean overdue(Instant deadline, Instant completedAt, Instant now) {
        return completedAt == null && !now.isBefore(deadline);
    }
}
