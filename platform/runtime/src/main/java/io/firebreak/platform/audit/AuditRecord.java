package io.firebreak.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One link of a chain. {@code mac} = HMAC-SHA256, under the key named {@code keyId}, of the chain name,
 * the sequence number, the previous record's MAC and the RFC 8785 canonical content: changing, removing
 * or reordering a record breaks its MAC or the next record's link, and without the key (kept outside
 * the database) nobody can compute valid MACs for a rewritten chain.
 */
@io.quarkus.runtime.annotations.RegisterForReflection
public record AuditRecord(String chain, long sequence, String previousMac, JsonNode content, String keyId, String mac) {
}
