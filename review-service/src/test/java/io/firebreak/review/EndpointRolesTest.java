package io.firebreak.review;

import io.firebreak.testing.AbstractEndpointRolesTest;

class EndpointRolesTest extends AbstractEndpointRolesTest {

    EndpointRolesTest() {
        super("io.firebreak.review");
    }
}
