package io.firebreak.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Data of {@value EventTypes#CHANGE_RECEIVED} on {@link Topics#SIGNALS}: a change event from a deploy or CI tool. */
public record ChangeReceived(String businessService, String integrationKeyId, String summary, String source,
                             Instant timestamp, Map<String, Object> customDetails, List<Map<String, Object>> links,
                             Instant receivedAt) {
}
