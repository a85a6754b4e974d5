package io.firebreak.response;

import io.firebreak.testing.AbstractEndpointRolesTest;

class EndpointRolesTest extends AbstractEndpointRolesTest {

    EndpointRolesTest() {
        super("io.firebreak.response");
    }
}
