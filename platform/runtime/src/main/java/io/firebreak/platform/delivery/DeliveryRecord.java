package io.firebreak.platform.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * One delivery as its history shows it: where it went (host and path or address, never a secret), its state
 * (PENDING, DELIVERED, DEAD, CANCELLED), attempts so far of the maximum, and the last answer.
 */
public record DeliveryRecord(UUID id, String reference, String destination, String status, int attempts, int maxAttempts,
                             Integer lastStatus, String lastError, Instant createdAt, Instant endedAt) {
}
