package io.firebreak.classification;

import io.firebreak.testing.AbstractEndpointRolesTest;

class EndpointRolesTest extends AbstractEndpointRolesTest {

    EndpointRolesTest() {
        super("io.firebreak.classification");
    }
}
