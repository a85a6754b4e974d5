package io.firebreak.response.model.roles;

/** PROPOSED until the person accepts; ACCEPTED while held; RELEASED after; WITHDRAWN if never accepted. */
public enum AssignmentStatus {
    PROPOSED, ACCEPTED, RELEASED, WITHDRAWN;

    public boolean active() {
        return this == PROPOSED || this == ACCEPTED;
    }
}
