package io.firebreak.testing.layers.bad.model;

public class Thing {
    public String name;
}
