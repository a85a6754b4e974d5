package io.firebreak.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Appends to and verifies MAC chains of audit records. Pure functions; storage is {@link AuditLog}'s. */
public final class AuditChain {

    /** The previous MAC of the first record, and the MAC of an empty chain's head. */
    public static final String GENESIS = "0".repeat(64);
    private static final String RECORD_DOMAIN = "firebreak-audit-record/1";
    private static final String HEAD_DOMAIN = "firebreak-audit-head/1";

    private AuditChain() {
    }

    /** The record that follows {@code head} (the chain's current head; sequence 0 when empty). */
    public static AuditRecord append(AuditHead head, JsonNode content, AuditKeys keys) {
        CanonicalJson.requireExactNumbers(content, "content");
        long sequence = head.sequence() + 1;
        String keyId = keys.activeId();
        return new AuditRecord(head.chain(), sequence, head.mac(), content, keyId,
                recordMac(keys, keyId, head.chain(), sequence, head.mac(), content));
    }

    /** The head naming {@code record} as the newest link. */
    public static AuditHead headAfter(AuditRecord record, AuditKeys keys) {
        return head(record.chain(), record.sequence(), record.mac(), keys);
    }

    /** The head of a chain without records. */
    public static AuditHead emptyHead(String chain, AuditKeys keys) {
        return head(chain, 0, GENESIS, keys);
    }

    private static AuditHead head(String chain, long sequence, String mac, AuditKeys keys) {
        String keyId = keys.activeId();
        return new AuditHead(chain, sequence, mac, keyId, headMac(keys, keyId, chain, sequence, mac));
    }

    static String recordMac(AuditKeys keys, String keyId, String chain, long sequence, String previousMac, JsonNode content) {
        return keys.mac(keyId, RECORD_DOMAIN + "\n" + chain + "\n" + sequence + "\n" + previousMac + "\n" + CanonicalJson.of(content));
    }

    static String headMac(AuditKeys keys, String keyId, String chain, long sequence, String mac) {
        return keys.mac(keyId, HEAD_DOMAIN + "\n" + chain + "\n" + sequence + "\n" + mac);
    }

    /** Verifies a whole chain held in memory. */
    public static Verification verify(String chain, List<AuditRecord> records, AuditHead head, AuditKeys keys,
                                      Optional<AuditAnchor> anchor) {
        Verifier verifier = new Verifier(chain, keys, anchor);
        for (AuditRecord record : records) {
            if (!verifier.accept(record)) {
                break;
            }
        }
        return verifier.finish(head);
    }

    /** Verifies a chain read in pages, oldest first: {@link #accept} each record, then {@link #finish}. */
    public static final class Verifier {

        private final String chain;
        private final AuditKeys keys;
        private final Optional<AuditAnchor> anchor;
        private String previous = GENESIS;
        private long expected = 1;
        private boolean anchorSeen;
        private Verification broken;

        public Verifier(String chain, AuditKeys keys, Optional<AuditAnchor> anchor) {
            this.chain = chain;
            this.keys = keys;
            this.anchor = anchor;
        }

        /** Checks the next record; false once the chain is broken (later records need not be read). */
        public boolean accept(AuditRecord record) {
            if (broken != null) {
                return false;
            }
            if (!chain.equals(record.chain())) {
                broken = Verification.broken(record.sequence(), expected - 1, "belongs to chain " + record.chain());
            } else if (record.sequence() != expected) {
                broken = Verification.broken(expected, expected - 1, record.sequence() > expected
                        ? "record " + expected + " is missing" : "record " + record.sequence() + " is out of order");
            } else if (!equal(record.previousMac(), previous)) {
                broken = Verification.broken(record.sequence(), expected - 1, "does not link to the record before it");
            } else {
                try {
                    String mac = recordMac(keys, record.keyId(), chain, record.sequence(), record.previousMac(), record.content());
                    if (!equal(mac, record.mac())) {
                        broken = Verification.broken(record.sequence(), expected - 1, "content or MAC was altered");
                    }
                } catch (AuditKeys.UnknownKeyException e) {
                    broken = Verification.broken(record.sequence(), expected - 1, e.getMessage());
                }
            }
            if (broken != null) {
                return false;
            }
            if (anchor.isPresent() && anchor.get().sequence() == record.sequence()) {
                if (!equal(anchor.get().mac(), record.mac())) {
                    broken = Verification.broken(record.sequence(), expected - 1, "differs from the anchored record");
                    return false;
                }
                anchorSeen = true;
            }
            previous = record.mac();
            expected++;
            return true;
        }

        /** The verdict, checking that the chain ends where its (MACed) head and the anchor say. */
        public Verification finish(AuditHead head) {
            if (broken != null) {
                return broken;
            }
            long last = expected - 1;
            if (head == null) {
                return last == 0 && anchor.isEmpty() ? Verification.valid(0)
                        : Verification.broken(last, last, "the chain has no head");
            }
            try {
                if (!equal(headMac(keys, head.keyId(), chain, head.sequence(), head.mac()), head.headMac())) {
                    return Verification.broken(last, last, "the head was altered");
                }
            } catch (AuditKeys.UnknownKeyException e) {
                return Verification.broken(last, last, e.getMessage());
            }
            if (head.sequence() > last) {
                return Verification.broken(last + 1, last, "records after " + last + " were removed (the head names "
                        + head.sequence() + ")");
            }
            if (head.sequence() < last || !equal(head.mac(), previous)) {
                return Verification.broken(head.sequence(), last, "the head does not name the newest record");
            }
            if (anchor.isPresent() && !anchorSeen) {
                return Verification.broken(last + 1, last, "the anchored record " + anchor.get().sequence()
                        + " is missing: records after " + last + " were removed");
            }
            return Verification.valid(last);
        }

        private static boolean equal(String a, String b) {
            return a != null && b != null
                    && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Outcome of a verification: valid up to {@code verifiedThrough}, or the first broken sequence and why. */
    @io.quarkus.runtime.annotations.RegisterForReflection
    public record Verification(boolean valid, long verifiedThrough, Optional<Long> firstBrokenSequence, String reason) {

        static Verification valid(long through) {
            return new Verification(true, through, Optional.empty(), "chain intact");
        }

        static Verification broken(long sequence, long verifiedThrough, String reason) {
            return new Verification(false, verifiedThrough, Optional.of(sequence), reason);
        }
    }
}
