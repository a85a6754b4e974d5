package io.firebreak.comms.domain.language;

import io.firebreak.platform.security.Roles;
import java.util.List;

/**
 * Who may approve approved language, and when a version is approved: never by its author, once per person,
 * always including a comms lead, and for customer-facing language (customer templates and every snippet)
 * by a second, different approver. Pure.
 */
public final class ApprovalRules {

    private ApprovalRules() {
    }

    /** An approval given so far: who, in which role. */
    public record Given(String approver, String role) {
    }

    public static int required(boolean customerFacing) {
        return customerFacing ? 2 : 1;
    }

    /** Why {@code approver} may not approve (null when they may). */
    public static String refusal(String author, List<Given> given, String approver) {
        if (author.equals(approver)) {
            return "The author of a version cannot approve it; another approver must";
        }
        if (given.stream().anyMatch(g -> g.approver().equals(approver))) {
            return approver + " has already approved this version; a second approval must come from someone else";
        }
        return null;
    }

    /** Whether these approvals make the version usable. */
    public static boolean complete(boolean customerFacing, List<Given> given) {
        long distinct = given.stream().map(Given::approver).distinct().count();
        boolean commsLead = given.stream().anyMatch(g -> Roles.COMMS_LEAD.equals(g.role()));
        return commsLead && distinct >= required(customerFacing);
    }

    /** What is still missing, for the API to show. */
    public static String missing(boolean customerFacing, List<Given> given) {
        if (complete(customerFacing, given)) {
            return null;
        }
        boolean commsLead = given.stream().anyMatch(g -> Roles.COMMS_LEAD.equals(g.role()));
        long more = Math.max(0, required(customerFacing) - given.stream().map(Given::approver).distinct().count());
        if (!commsLead && more <= 1) {
            return "an approval by a comms lead";
        }
        return more + " more approval" + (more == 1 ? "" : "s") + (commsLead ? "" : ", one by a comms lead");
    }
}
