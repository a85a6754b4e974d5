package io.firebreak.review;

import io.firebreak.testing.AbstractServiceBasicsTest;
import io.firebreak.testing.FirebreakTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(FirebreakTestResource.class)
class ReviewServiceBasicsTest extends AbstractServiceBasicsTest {
}
