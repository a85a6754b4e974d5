package io.firebreak.metrics;

import io.firebreak.testing.LayerRules;
import org.junit.jupiter.api.Test;

class LayeringTest {

    @Test
    void callsFlowFromApiAndMessagingThroughDomainToPersistenceWithoutCycles() {
        LayerRules.check("io.firebreak.metrics");
    }
}
