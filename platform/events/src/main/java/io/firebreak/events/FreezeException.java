package io.firebreak.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@value EventTypes#FREEZE_EXCEPTION_GRANTED} and {@value EventTypes#FREEZE_EXCEPTION_EXPIRED}: a time-bound
 * exception that lets one emergency change be implemented inside code-freeze windows. Subject and key: the incident id.
 *
 * @param windows the names of the freeze windows the exception covers
 */
public record FreezeException(UUID incidentId, String incidentKey, UUID changeId, String changeKey, UUID exceptionId, List<String> windows,
                              String grantedBy, Instant grantedAt, Instant expiresAt, String reason, @OptionalField Instant expiredAt,
                              boolean drill) {
}
