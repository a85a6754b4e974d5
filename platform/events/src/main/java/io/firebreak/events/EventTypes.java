package io.firebreak.events;

/**
 * CloudEvent {@code type} values: {@code io.firebreak.<context>.<event>.v<major>}. A type is a
 * public API: its payload only ever grows additively; a breaking change is a new major version.
 */
public final class EventTypes {

    public static final String INCIDENT_DECLARED = "io.firebreak.incident.declared.v1";

    private EventTypes() {
    }
}
