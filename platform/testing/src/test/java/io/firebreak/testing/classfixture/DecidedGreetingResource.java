package io.firebreak.testing.classfixture;

import jakarta.annotation.security.RolesAllowed;

/** Implements interface endpoints and names its roles on the class. */
@RolesAllowed("viewer")
public class DecidedGreetingResource implements GreetingApi {

    @Override
    public String hello() {
        return "hello";
    }
}
