package io.firebreak.comms.domain.external;

import io.firebreak.comms.model.ExternalKind;
import io.firebreak.platform.problem.FreeText;
import io.firebreak.platform.problem.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What an entry of the external-communications log must hold, pure (the caller passes the clock's instant):
 * kind, audience, channel and the final text; approvers other than the author (at least one for press
 * statements and regulator notices); and times in order — drafted, then approved, then sent, none in the future.
 */
public final class ExternalLogRules {

    /** Clocks of the people recording may run a little ahead of ours. */
    public static final Duration SKEW = Duration.ofMinutes(2);

    private ExternalLogRules() {
    }

    /** {@code headline}: the public name of the incident, required for a status-page post (the page shows no internal title). */
    public record Entry(ExternalKind kind, String audience, String channel, String text, int statusVersion, List<String> approvers,
                        Instant draftedAt, Instant approvedAt, Instant sentAt, String headline) {

        public Entry(ExternalKind kind, String audience, String channel, String text, int statusVersion, List<String> approvers,
                     Instant draftedAt, Instant approvedAt, Instant sentAt) {
            this(kind, audience, channel, text, statusVersion, approvers, draftedAt, approvedAt, sentAt, null);
        }
    }

    public static List<Violation> check(Entry e, String author, Instant now) {
        List<Violation> v = new ArrayList<>();
        if (e.kind() == null) {
            v.add(new Violation("kind", "is required: CUSTOMER_ALERT, STATUS_PAGE_POST, PRESS_STATEMENT or REGULATOR_NOTICE"));
        }
        FreeText.check(v, "audience", e.audience(), true, 200);
        FreeText.check(v, "channel", e.channel(), true, 200);
        FreeText.check(v, "text", e.text(), true, 50_000);
        FreeText.check(v, "headline", e.headline(), e.kind() == ExternalKind.STATUS_PAGE_POST, 200);
        List<String> approvers = e.approvers() == null ? List.of() : e.approvers();
        for (int i = 0; i < approvers.size(); i++) {
            String a = approvers.get(i);
            if (a == null || a.isBlank()) {
                v.add(new Violation("approvers[" + i + "]", "is blank"));
            } else if (a.strip().equals(author)) {
                v.add(new Violation("approvers[" + i + "]", "the author does not approve their own communication"));
            }
        }
        if (e.kind() != null && e.kind().approvalRequired() && approvers.isEmpty()) {
            v.add(new Violation("approvers", "a " + e.kind() + " needs at least one approver other than the author"));
        }
        if (e.approvedAt() != null && approvers.isEmpty()) {
            v.add(new Violation("approvedAt", "an approval time needs an approver"));
        }
        Instant latest = now.plus(SKEW);
        Instant sent = e.sentAt() == null ? now : e.sentAt();
        if (sent.isAfter(latest)) {
            v.add(new Violation("sentAt", "is in the future"));
        }
        if (e.draftedAt() == null) {
            v.add(new Violation("draftedAt", "is required"));
        } else if (e.draftedAt().isAfter(sent)) {
            v.add(new Violation("draftedAt", "is after the communication was sent"));
        }
        if (e.approvedAt() != null) {
            if (e.draftedAt() != null && e.approvedAt().isBefore(e.draftedAt())) {
                v.add(new Violation("approvedAt", "is before the draft"));
            } else if (e.approvedAt().isAfter(sent)) {
                v.add(new Violation("approvedAt", "is after the communication was sent"));
            }
        }
        return v;
    }
}
