package io.firebreak.platform.testapp;

import java.util.UUID;

/** Payload of the test app's event; {@code failTimes} makes the consumer's effect fail that often. */
public record WidgetCreated(UUID widgetId, String name, int failTimes) {

    public static final String TYPE = "io.firebreak.test.widget.created.v1";
}
