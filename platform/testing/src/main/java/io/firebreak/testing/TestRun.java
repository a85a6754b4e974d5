package io.firebreak.testing;

import java.util.UUID;

/**
 * Names unique to this test run: the Kafka topic namespace and consumer-group suffix, so records
 * of one run (or of one JVM sharing a broker) never satisfy another's assertions.
 */
public final class TestRun {

    private static final String ID_PROPERTY = "firebreak.test.run-id";

    private TestRun() {
    }

    public static synchronized String id() {
        String id = System.getProperty(ID_PROPERTY);
        if (id == null) {
            id = UUID.randomUUID().toString().substring(0, 8);
            System.setProperty(ID_PROPERTY, id);
        }
        return id;
    }

    /** The topic namespace of this run, replacing {@code firebreak}. */
    public static String namespace() {
        return "firebreak-" + id();
    }

    /** This run's name of a context's topic, e.g. {@code topic("classification")}. */
    public static String topic(String context) {
        return namespace() + "." + context;
    }
}
