package io.firebreak.events;

/**
 * Kafka topic names of the public event contract. One topic per producing service, raw intake
 * on {@link #SIGNALS}, dead letters on {@code <topic>.dlq}.
 *
 * <p>The public names live under the namespace {@value #DEFAULT_NAMESPACE}. An operator may run
 * several environments on one cluster (and tests run with a per-run namespace) by choosing
 * another namespace; {@link #name(String, String)} builds the topic from namespace and context.
 */
public final class Topics {

    public static final String DEFAULT_NAMESPACE = "firebreak";
    public static final String DLQ_SUFFIX = ".dlq";

    public static final String CLASSIFICATION = DEFAULT_NAMESPACE + ".classification";
    public static final String RESPONSE = DEFAULT_NAMESPACE + ".response";
    public static final String COMMS = DEFAULT_NAMESPACE + ".comms";
    public static final String CHANGE = DEFAULT_NAMESPACE + ".change";
    public static final String REVIEW = DEFAULT_NAMESPACE + ".review";
    public static final String METRICS = DEFAULT_NAMESPACE + ".metrics";
    public static final String SIGNALS = DEFAULT_NAMESPACE + ".signals";

    private Topics() {
    }

    /** The topic of a context ({@code classification}, {@code signals}, …) under a namespace. */
    public static String name(String namespace, String context) {
        return namespace + "." + context;
    }

    public static String dlq(String topic) {
        return topic + DLQ_SUFFIX;
    }
}
