package io.firebreak.review;

import io.firebreak.testing.LayerRules;
import io.firebreak.testing.QueryRules;
import org.junit.jupiter.api.Test;

class LayeringTest {

    @Test
    void callsFlowFromApiAndMessagingThroughDomainToPersistenceWithoutCycles() {
        LayerRules.check("io.firebreak.review");
    }

    @Test
    void noSelectGoesThroughATypedNativeQuery() {
        QueryRules.check("io.firebreak.review");
    }
}
