package io.firebreak.response.domain.lifecycle;

import io.firebreak.events.Priority;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.response.model.LifecycleAction;
import io.firebreak.response.model.PostmortemDecision;
import io.firebreak.response.model.ResponseRecord;
import io.firebreak.response.model.ResponseStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The response lifecycle as plain rules: declared → acknowledged → mitigated → resolved → closed.
 * Resolving straight from acknowledged is allowed and mitigates at the same moment (metrics then see
 * mitigation = resolution, not a missing one). Mitigated, resolved and closed responses can be reopened,
 * back to acknowledged, with a reason; a reopening clears mitigation, resolution and closure but never
 * the first acknowledgement.
 */
public final class LifecycleRules {

    static final int MAX_NOTE = 2_000;
    static final int MAX_SUMMARY = 4_000;

    private static final Map<LifecycleAction, Set<ResponseStatus>> FROM = Map.of(
            LifecycleAction.ACKNOWLEDGE, EnumSet.of(ResponseStatus.DECLARED),
            LifecycleAction.MITIGATE, EnumSet.of(ResponseStatus.ACKNOWLEDGED),
            LifecycleAction.RESOLVE, EnumSet.of(ResponseStatus.ACKNOWLEDGED, ResponseStatus.MITIGATED),
            LifecycleAction.CLOSE, EnumSet.of(ResponseStatus.RESOLVED),
            LifecycleAction.REOPEN, EnumSet.of(ResponseStatus.MITIGATED, ResponseStatus.RESOLVED, ResponseStatus.CLOSED));

    private LifecycleRules() {
    }

    /** What a transition brings beside who and when. */
    public record Change(String note, String via, String resolutionSummary, PostmortemDecision postmortemDecision,
                         String postmortemReason) {

        public static Change none() {
            return new Change(null, null, null, null, null);
        }
    }

    /** The status an action leads to. */
    public static ResponseStatus target(LifecycleAction action) {
        return switch (action) {
            case ACKNOWLEDGE, REOPEN -> ResponseStatus.ACKNOWLEDGED;
            case MITIGATE -> ResponseStatus.MITIGATED;
            case RESOLVE -> ResponseStatus.RESOLVED;
            case CLOSE -> ResponseStatus.CLOSED;
        };
    }

    /** The actions allowed from a status, in lifecycle order. */
    public static List<LifecycleAction> allowedFrom(ResponseStatus status) {
        return java.util.Arrays.stream(LifecycleAction.values()).filter(a -> FROM.get(a).contains(status)).toList();
    }

    /**
     * Applies the action to the record: 409 when the current status does not allow it, 400 naming every
     * missing or bad field; nothing is changed when either is thrown.
     */
    public static void apply(ResponseRecord record, LifecycleAction action, Change change, String by, Instant now) {
        if (!FROM.get(action).contains(record.status)) {
            throw ProblemException.conflict("Incident " + record.incidentKey + " is " + record.status + "; " + action
                    + " is not possible from there (possible: " + allowedFrom(record.status) + ")");
        }
        List<Violation> violations = check(record, action, change);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        switch (action) {
            case ACKNOWLEDGE -> {
                if (record.acknowledgedAt == null) {
                    record.acknowledgedAt = now;
                    record.acknowledgedBy = by;
                }
            }
            case MITIGATE -> record.mitigatedAt = now;
            case RESOLVE -> {
                if (record.mitigatedAt == null) {
                    record.mitigatedAt = now;
                }
                record.resolvedAt = now;
                record.resolutionSummary = change.resolutionSummary().strip();
            }
            case CLOSE -> {
                record.closedAt = now;
                record.postmortemDecision = change.postmortemDecision();
                record.postmortemReason = blank(change.postmortemReason()) ? null : change.postmortemReason().strip();
            }
            case REOPEN -> {
                record.mitigatedAt = null;
                record.resolvedAt = null;
                record.closedAt = null;
                record.resolutionSummary = null;
                record.postmortemDecision = null;
                record.postmortemReason = null;
                record.reopenCount++;
            }
        }
        record.status = target(action);
        record.statusChangedAt = now;
    }

    private static List<Violation> check(ResponseRecord record, LifecycleAction action, Change change) {
        List<Violation> violations = new ArrayList<>();
        if (change.note() != null && change.note().length() > MAX_NOTE) {
            violations.add(new Violation("note", "at most " + MAX_NOTE + " characters"));
        }
        switch (action) {
            case RESOLVE -> {
                if (blank(change.resolutionSummary())) {
                    violations.add(new Violation("resolutionSummary", "is required to resolve: what was wrong and what fixed it"));
                } else if (change.resolutionSummary().length() > MAX_SUMMARY) {
                    violations.add(new Violation("resolutionSummary", "at most " + MAX_SUMMARY + " characters"));
                }
            }
            case CLOSE -> {
                PostmortemDecision decision = change.postmortemDecision();
                if (decision == null) {
                    violations.add(new Violation("postmortem.decision", "is required to close: REQUIRED or NOT_REQUIRED"));
                } else if (decision == PostmortemDecision.NOT_REQUIRED && postmortemMandatory(record)) {
                    violations.add(new Violation("postmortem.decision", "a " + record.priority + " incident always gets a post-mortem"));
                } else if (decision == PostmortemDecision.NOT_REQUIRED && blank(change.postmortemReason())) {
                    violations.add(new Violation("postmortem.reason", "is required when no post-mortem is held"));
                }
                if (change.postmortemReason() != null && change.postmortemReason().length() > MAX_NOTE) {
                    violations.add(new Violation("postmortem.reason", "at most " + MAX_NOTE + " characters"));
                }
            }
            case REOPEN -> {
                if (blank(change.note())) {
                    violations.add(new Violation("note", "is required to reopen: why the incident is not over"));
                }
            }
            default -> {
            }
        }
        return violations;
    }

    /** P1 and P2 incidents always get a post-mortem; drills never need one (they have readiness records). */
    public static boolean postmortemMandatory(ResponseRecord record) {
        return !record.drill && (record.priority == Priority.P1 || record.priority == Priority.P2);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
