package io.firebreak.events;

import java.time.Instant;
import java.util.List;

/** Data of {@value EventTypes#POLICY_ACTIVATED}: a classification policy version is now used for live incidents. Subject: "policy". */
public record PolicyActivated(int version, @OptionalField Integer supersededVersion, List<String> signedOffServices, Instant activatedAt) {
}
