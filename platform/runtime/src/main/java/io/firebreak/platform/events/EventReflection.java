package io.firebreak.platform.events;

import io.firebreak.events.ChangeReceived;
import io.firebreak.events.ClassificationDisputed;
import io.firebreak.events.IncidentDeclared;
import io.firebreak.events.PolicyActivated;
import io.firebreak.events.PriorityChanged;
import io.firebreak.events.ServiceChanged;
import io.firebreak.events.SignalReceived;
import io.firebreak.events.TemporaryP1Designated;
import io.firebreak.events.TemporaryP1Expired;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The event contract has no Quarkus dependency; its payloads are registered for native images here. */
@RegisterForReflection(targets = {IncidentDeclared.class, PriorityChanged.class, TemporaryP1Designated.class,
        TemporaryP1Expired.class, ClassificationDisputed.class, ServiceChanged.class, PolicyActivated.class,
        SignalReceived.class, ChangeReceived.class})
public final class EventReflection {

    private EventReflection() {
    }
}
