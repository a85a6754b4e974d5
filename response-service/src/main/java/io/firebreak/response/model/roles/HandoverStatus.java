package io.firebreak.response.model.roles;

/** OFFERED until the incoming person acknowledges the brief (COMPLETED) or the offer is withdrawn (CANCELLED). */
public enum HandoverStatus {
    OFFERED, COMPLETED, CANCELLED
}
