package io.firebreak.platform.security;

/** Realm roles of the {@code firebreak} Keycloak realm. Constants, so they can be used in annotations. */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String RESPONDER = "responder";
    public static final String INCIDENT_COMMANDER = "incident-commander";
    public static final String COMMS_LEAD = "comms-lead";
    public static final String TECH_LEAD = "tech-lead";
    public static final String SERVICE_OWNER = "service-owner";
    public static final String CHANGE_APPROVER = "change-approver";
    public static final String EXECUTIVE = "executive";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
