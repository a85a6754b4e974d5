package io.firebreak.testing.layers.bad.persistence;

import io.firebreak.testing.layers.bad.domain.ThingService;
import io.firebreak.testing.layers.bad.model.Thing;

/** Breaks the layering on purpose: a repository that reads back into the domain. */
public class ThingRepository {
    public Thing find() {
        Thing thing = new Thing();
        thing.name = "limit " + new ThingService().hashCode();
        return thing;
    }
}
