package io.firebreak.events;

/** CloudEvent {@code source} of each producing service. */
public final class Sources {

    public static final String CLASSIFICATION = "/firebreak/classification";
    public static final String RESPONSE = "/firebreak/response";
    public static final String COMMS = "/firebreak/comms";
    public static final String CHANGE = "/firebreak/change";
    public static final String REVIEW = "/firebreak/review";
    public static final String METRICS = "/firebreak/metrics";

    private Sources() {
    }

    public static String of(String context) {
        return "/firebreak/" + context;
    }
}
