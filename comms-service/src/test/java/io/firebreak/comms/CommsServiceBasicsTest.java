package io.firebreak.comms;

import io.firebreak.testing.AbstractServiceBasicsTest;
import io.firebreak.testing.FirebreakTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(FirebreakTestResource.class)
class CommsServiceBasicsTest extends AbstractServiceBasicsTest {
}
