package io.firebreak.platform.events;

import io.firebreak.events.IncidentDeclared;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The event contract has no Quarkus dependency; its payloads are registered for native images here. */
@RegisterForReflection(targets = {IncidentDeclared.class})
public final class EventReflection {

    private EventReflection() {
    }
}
