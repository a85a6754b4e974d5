package io.firebreak.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One link of a tamper-evident chain. {@code hash} = SHA-256 over the sequence number, the previous
 * record's hash and the canonical JSON of the content, so changing, removing or reordering any
 * record breaks every later link.
 */
public record AuditRecord(long sequence, String previousHash, JsonNode content, String hash) {
}
