package io.firebreak.testing.layers.bad.domain;

import io.firebreak.testing.layers.bad.model.Thing;
import io.firebreak.testing.layers.bad.persistence.ThingRepository;

public class ThingService {
    public static final int LIMIT = 10;
    private final ThingRepository repository = new ThingRepository();

    public Thing find() {
        return repository.find();
    }
}
