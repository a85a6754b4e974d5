package io.firebreak.events;

/**
 * Kafka header names of CloudEvents 1.0 in Kafka binary content mode (the Kafka protocol binding):
 * attributes travel as {@code ce_<attribute>} headers, the data as the record value.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";
    /**
     * Firebreak's extension attribute {@code restricted}: present with value {@code true} on every event about
     * a restricted incident, so each consumer hides it from people outside the incident's war room.
     */
    public static final String RESTRICTED = "ce_restricted";

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }
}
