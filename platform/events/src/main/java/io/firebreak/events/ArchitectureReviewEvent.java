package io.firebreak.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@value EventTypes#ARCHITECTURE_REVIEW_OPENED}, {@value EventTypes#ARCHITECTURE_REVIEW_COMPLETED} and
 * {@value EventTypes#ARCHITECTURE_REVIEW_OVERDUE}. Subject and key: the business service.
 *
 * @param state      OPEN or COMPLETED after the event
 * @param owner      who runs it (the manager of the service's owning team, else its first owner)
 * @param incidents  the recurring incidents it is linked to (grows while it is open)
 * @param by         who acted ({@code firebreak} when opened or overdue)
 * @param outcome    the decisions taken (on completion)
 */
public record ArchitectureReviewEvent(UUID reviewId, String service, @OptionalField String owningTeam, String basis, String basisValue, String state,
                                      String owner, Instant dueAt, List<UUID> incidents, String by, Instant at,
                                      @OptionalField String outcome) {
}
