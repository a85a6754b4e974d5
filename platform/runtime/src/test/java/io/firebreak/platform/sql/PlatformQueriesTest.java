package io.firebreak.platform.sql;

import io.firebreak.testing.QueryRules;
import org.junit.jupiter.api.Test;

class PlatformQueriesTest {

    @Test
    void noSelectOfThePlatformGoesThroughATypedNativeQuery() {
        QueryRules.check("io.firebreak.platform");
    }
}
