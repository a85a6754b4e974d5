package io.firebreak.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** The current caller as a domain {@link Actor}. */
@RequestScoped
public class Actors {

    private final SecurityIdentity identity;

    public Actors(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Actor current() {
        return new Actor(identity.getPrincipal().getName(), identity.getRoles());
    }
}
