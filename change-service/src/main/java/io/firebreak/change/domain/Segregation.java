package io.firebreak.change.domain;

/**
 * Segregation of duties for emergency changes: nobody approves their own change; a pre-authorised action whose
 * catalog entry allows it may be approved by the incident's commander instead of a change approver; the
 * post-implementation validation is by someone other than the implementer. Pure.
 */
public final class Segregation {

    private Segregation() {
    }

    /** Who is asking to approve, as far as the rule cares. */
    public record Approver(String person, boolean changeApprover, boolean incidentCommanderOfTheIncident) {
    }

    /** Why the approver may not approve (null when they may). */
    public static String approvalRefusal(String requester, Approver approver, boolean icMayApprove) {
        if (requester.equals(approver.person())) {
            return "The requester of a change cannot approve it; another change approver must";
        }
        if (approver.changeApprover()) {
            return null;
        }
        if (icMayApprove && approver.incidentCommanderOfTheIncident()) {
            return null;
        }
        return icMayApprove ? "Only a change approver or the incident's commander approves this pre-authorised action"
                : "Only a change approver approves this change (its action is not one the incident commander may approve)";
    }

    /** Why {@code validator} may not validate (null when they may). */
    public static String validationRefusal(String implementer, String validator) {
        return implementer.equals(validator) ? "The implementer of a change cannot validate it; someone else checks the effect" : null;
    }
}
