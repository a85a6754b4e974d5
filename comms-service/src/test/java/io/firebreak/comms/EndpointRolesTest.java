package io.firebreak.comms;

import io.firebreak.testing.AbstractEndpointRolesTest;

class EndpointRolesTest extends AbstractEndpointRolesTest {

    EndpointRolesTest() {
        super("io.firebreak.comms");
    }
}
