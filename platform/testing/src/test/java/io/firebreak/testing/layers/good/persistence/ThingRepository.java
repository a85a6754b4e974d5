package io.firebreak.testing.layers.good.persistence;

import io.firebreak.testing.layers.good.model.Thing;

public class ThingRepository {
    public Thing find() {
        return new Thing();
    }
}
