package io.firebreak.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Appends to and verifies hash chains of audit records. Pure functions; storage is the caller's. */
public final class AuditChain {

    /** The previous hash of the first record. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** The record that follows {@code last} (or starts the chain when {@code last} is null). */
    public static AuditRecord append(AuditRecord last, JsonNode content) {
        long sequence = last == null ? 1 : last.sequence() + 1;
        String previous = last == null ? GENESIS : last.hash();
        return new AuditRecord(sequence, previous, content, hash(sequence, previous, content));
    }

    public static String hash(long sequence, String previousHash, JsonNode content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Long.toString(sequence).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(previousHash.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(CanonicalJson.of(content).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Verifies a whole chain, as stored, in stored order. */
    public static Verification verify(List<AuditRecord> records) {
        return verify(records, null);
    }

    /**
     * Verifies a chain and, when the expected head hash is known (anchored elsewhere, e.g. published
     * in an event), also detects removal of the newest records.
     */
    public static Verification verify(List<AuditRecord> records, String expectedHeadHash) {
        String previous = GENESIS;
        long expectedSequence = 1;
        for (AuditRecord record : records) {
            if (record.sequence() != expectedSequence) {
                return Verification.broken(record.sequence(), record.sequence() > expectedSequence
                        ? "record " + expectedSequence + " is missing"
                        : "record " + record.sequence() + " is out of order");
            }
            if (!record.previousHash().equals(previous)) {
                return Verification.broken(record.sequence(), "does not link to the record before it");
            }
            if (!hash(record.sequence(), record.previousHash(), record.content()).equals(record.hash())) {
                return Verification.broken(record.sequence(), "content was altered");
            }
            previous = record.hash();
            expectedSequence++;
        }
        if (expectedHeadHash != null && !expectedHeadHash.equals(previous)) {
            return Verification.broken(expectedSequence, "the newest records were removed");
        }
        return Verification.VALID;
    }

    /** Outcome of a verification: valid, or the first broken record's sequence and why. */
    public record Verification(boolean valid, Optional<Long> firstBrokenSequence, String reason) {

        public static final Verification VALID = new Verification(true, Optional.empty(), "chain intact");

        static Verification broken(long sequence, String reason) {
            return new Verification(false, Optional.of(sequence), reason);
        }
    }
}
