package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@value EventTypes#AVAILABILITY_CHANGED}: a person was marked unavailable for paging from
 * {@code startsAt} to {@code endsAt} ({@code change} = MARKED), or such a mark was withdrawn (CANCELLED).
 * While unavailable a person is skipped by paging and their role's succession is paged instead.
 * Subject and key: the person.
 */
public record AvailabilityChanged(UUID unavailabilityId, String person, Instant startsAt, Instant endsAt, @OptionalField String reason,
                                  String change, String changedBy, Instant changedAt) {
}
