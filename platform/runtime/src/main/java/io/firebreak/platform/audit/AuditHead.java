package io.firebreak.platform.audit;

/**
 * The newest link of a chain, stored beside it and MACed itself, so a removed tail shows: the records
 * end before the head's sequence. {@code sequence == 0} is the head of an empty chain.
 */
public record AuditHead(String chain, long sequence, String mac, String keyId, String headMac) {
}
