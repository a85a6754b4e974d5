package io.firebreak.testing.layers.good.api;

import io.firebreak.testing.layers.good.domain.ThingService;
import io.firebreak.testing.layers.good.model.Thing;

public class ThingResource {
    private final ThingService service = new ThingService();

    public String name() {
        Thing thing = service.find();
        return thing.name;
    }
}
