package io.firebreak.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Data of {@value EventTypes#CHANGE_RECEIVED} on {@link Topics#SIGNALS}: a change event from a deploy or CI tool. */
public record ChangeReceived(String businessService, String integrationKeyId, String summary, @OptionalField String source,
                             @OptionalField Instant timestamp, @OptionalField Map<String, Object> customDetails, @OptionalField List<Map<String, Object>> links,
                             Instant receivedAt) {
}
