package io.firebreak.testing.layers.good.model;

public class Thing {
    public String name;
}
