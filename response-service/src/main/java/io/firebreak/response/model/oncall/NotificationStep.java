package io.firebreak.response.model.oncall;

import java.util.UUID;

/** Notify through this contact method {@code delayMinutes} after the page is triggered. */
public record NotificationStep(UUID contactMethodId, int delayMinutes) {
}
