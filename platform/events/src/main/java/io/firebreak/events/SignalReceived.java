package io.firebreak.events;

import java.time.Instant;
import java.util.Map;

/**
 * Data of {@value EventTypes#SIGNAL_RECEIVED} on {@link Topics#SIGNALS}: one alert event accepted at
 * intake (PagerDuty Events v2 or Alertmanager). Key: {@code <businessService>:<dedupKey>}, so one
 * alert's trigger and resolve stay in order.
 *
 * @param action        trigger, acknowledge or resolve
 * @param customDetails free-form details; an {@code impact} object in them carries impact facts
 */
public record SignalReceived(String businessService, String integrationKeyId, String integration, String action,
                             String dedupKey, @OptionalField String summary, @OptionalField String source, @OptionalField String severity, @OptionalField Instant timestamp,
                             @OptionalField String component, @OptionalField String group, @OptionalField String eventClass, @OptionalField Map<String, Object> customDetails,
                             Instant receivedAt) {
}
