package io.firebreak.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fails when any REST method of a service (or of the platform endpoints every service serves) has
 * no explicit security decision. Each service extends it from its package root.
 */
public abstract class AbstractEndpointRolesTest {

    @Test
    void everyEndpointDeclaresWhoMayCallIt() {
        String servicePackage = getClass().getPackageName();
        List<Method> endpoints = EndpointSecurity.endpoints(servicePackage, "io.firebreak.platform");
        assertThat(endpoints).as("endpoints found under %s", servicePackage).isNotEmpty();
        assertThat(EndpointSecurity.undecided(endpoints)).as("endpoints without @RolesAllowed/@Authenticated/@PermitAll/@DenyAll").isEmpty();
    }
}
