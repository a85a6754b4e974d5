package io.firebreak.testing.layers.bad.api;

import io.firebreak.testing.layers.bad.domain.ThingService;
import io.firebreak.testing.layers.bad.model.Thing;

public class ThingResource {
    private final ThingService service = new ThingService();

    public String name() {
        Thing thing = service.find();
        return thing.name;
    }
}
