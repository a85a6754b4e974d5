package io.firebreak.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Fails when any REST method of a service (or of the platform endpoints every service serves) has
 * no explicit security decision. Each service extends it from its package root.
 */
public abstract class AbstractEndpointRolesTest {

    @Test
    void everyEndpointDeclaresWhoMayCallIt() {
        String servicePackage = getClass().getPackageName();
        EndpointSecurity.Scan service = EndpointSecurity.scan(servicePackage);
        EndpointSecurity.Scan platform = EndpointSecurity.scan("io.firebreak.platform");

        // The scan must have read the service's own classes, and found endpoints in every resource class:
        // a scan that silently finds nothing (a mangled class name, a missed interface) must not pass.
        assertThat(service.classes()).as("classes found under %s", servicePackage).isNotEmpty();
        assertThat(platform.endpoints()).as("platform endpoints").isNotEmpty();
        for (Class<?> resource : service.resources()) {
            assertThat(service.endpoints()).as("endpoints found in resource %s", resource.getName())
                    .anyMatch(e -> e.resource() == resource);
        }
        assertThat(service.undecided()).as("service endpoints without @RolesAllowed/@Authenticated/@PermitAll/@DenyAll").isEmpty();
        assertThat(platform.undecided()).as("platform endpoints without a security decision").isEmpty();
    }
}
