package io.firebreak.response;

import io.firebreak.testing.LayerRules;
import io.firebreak.testing.QueryRules;
import org.junit.jupiter.api.Test;

class LayeringTest {

    @Test
    void callsFlowFromApiAndMessagingThroughDomainToPersistenceWithoutCycles() {
        LayerRules.check("io.firebreak.response");
    }

    @Test
    void noSelectGoesThroughATypedNativeQuery() {
        QueryRules.check("io.firebreak.response");
    }
}
