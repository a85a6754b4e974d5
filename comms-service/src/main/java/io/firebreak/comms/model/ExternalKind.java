package io.firebreak.comms.model;

/** What kind of communication left the organisation; press statements and regulator notices need an approver. */
public enum ExternalKind {
    CUSTOMER_ALERT(false), STATUS_PAGE_POST(false), PRESS_STATEMENT(true), REGULATOR_NOTICE(true);

    private final boolean approvalRequired;

    ExternalKind(boolean approvalRequired) {
        this.approvalRequired = approvalRequired;
    }

    public boolean approvalRequired() {
        return approvalRequired;
    }
}
