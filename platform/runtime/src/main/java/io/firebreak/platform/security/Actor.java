package io.firebreak.platform.security;

import io.firebreak.platform.problem.ProblemException;
import java.util.Set;

/**
 * Who acts, with their roles: what a service's domain checks object-level rights with (ownership of
 * a service, membership of a team, a role in an incident), beside the endpoint's role check.
 */
public record Actor(String user, Set<String> roles) {

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean hasAny(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean isAdmin() {
        return has(Roles.ADMIN);
    }

    /**
     * Whether the actor may change an incident of a service with these owners: incident commanders and
     * admins on every incident; service owners only on incidents of the services that list them.
     */
    public void requireIncidentAuthority(java.util.List<String> owners, String service, String incidentKey) {
        if (isAdmin() || has(Roles.INCIDENT_COMMANDER)) {
            return;
        }
        if (owners == null || !owners.contains(user)) {
            throw ProblemException.forbidden(user + " is not an owner of " + service + ", the service of " + incidentKey);
        }
    }

    /** Reading a service's integration keys: its owners, admins and auditors. */
    public void requireOwnerAdminOrAuditor(java.util.List<String> owners, String service) {
        if (!has(Roles.AUDITOR)) {
            requireOwnerOrAdmin(owners, service);
        }
    }

    /** Admins may act on any service; service owners only on the services that list them. */
    public void requireOwnerOrAdmin(java.util.List<String> owners, String service) {
        if (!isAdmin() && (owners == null || !owners.contains(user))) {
            throw ProblemException.forbidden(user + " is not an owner of " + service);
        }
    }
}
