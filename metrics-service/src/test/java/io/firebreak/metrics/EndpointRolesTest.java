package io.firebreak.metrics;

import io.firebreak.testing.AbstractEndpointRolesTest;

class EndpointRolesTest extends AbstractEndpointRolesTest {

    EndpointRolesTest() {
        super("io.firebreak.metrics");
    }
}
