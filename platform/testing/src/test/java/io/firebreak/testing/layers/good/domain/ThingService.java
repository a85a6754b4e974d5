package io.firebreak.testing.layers.good.domain;

import io.firebreak.testing.layers.good.model.Thing;
import io.firebreak.testing.layers.good.persistence.ThingRepository;

public class ThingService {
    private final ThingRepository repository = new ThingRepository();

    public Thing find() {
        return repository.find();
    }
}
