package io.firebreak.classification.domain;

import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.security.Roles;
import java.util.Set;

/** Who acts, with their roles; the domain checks resource-level rights (ownership) with it. */
public record Actor(String user, Set<String> roles) {

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Roles.ADMIN);
    }

    /** Admins may act on any service; service owners only on the services that list them. */
    public void requireOwnerOrAdmin(java.util.List<String> owners, String service) {
        if (!isAdmin() && (owners == null || !owners.contains(user))) {
            throw ProblemException.forbidden(user + " is not an owner of " + service);
        }
    }
}
