package io.firebreak.metrics;

import io.firebreak.testing.AbstractEndpointRolesTest;

/** Runs the platform's check from this package root: every endpoint here names who may call it. */
class EndpointRolesTest extends AbstractEndpointRolesTest {
}
