package io.firebreak.events;

import java.util.Map;

/** Which payload record carries the data of each event type, for consumers that decode generically. */
public final class EventCatalog {

    /** Event type → payload record. */
    public static final Map<String, Class<? extends Record>> PAYLOADS = Map.of(
            EventTypes.INCIDENT_DECLARED, IncidentDeclared.class,
            EventTypes.INCIDENT_PRIORITY_CHANGED, PriorityChanged.class,
            EventTypes.INCIDENT_TEMPORARY_P1_DESIGNATED, TemporaryP1Designated.class,
            EventTypes.INCIDENT_TEMPORARY_P1_EXPIRED, TemporaryP1Expired.class,
            EventTypes.INCIDENT_CLASSIFICATION_DISPUTED, ClassificationDisputed.class,
            EventTypes.SERVICE_REGISTERED, ServiceChanged.class,
            EventTypes.SERVICE_UPDATED, ServiceChanged.class,
            EventTypes.POLICY_ACTIVATED, PolicyActivated.class,
            EventTypes.SIGNAL_RECEIVED, SignalReceived.class,
            EventTypes.CHANGE_RECEIVED, ChangeReceived.class);

    private EventCatalog() {
    }
}
