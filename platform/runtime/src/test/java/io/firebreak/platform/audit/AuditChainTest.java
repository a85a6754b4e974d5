package io.firebreak.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final String CHAIN = "external-comms";
    private final ObjectMapper mapper = new ObjectMapper();
    private final AuditKeys keys = new AuditKeys("k1", Map.of("k1", bytes("the-key-that-lives-outside-the-db!")));

    private record Chain(List<AuditRecord> records, AuditHead head) {
    }

    private Chain chainOf(int size) throws Exception {
        return extend(new Chain(new ArrayList<>(), AuditChain.emptyHead(CHAIN, keys)), size, keys);
    }

    private Chain extend(Chain chain, int more, AuditKeys signer) throws Exception {
        List<AuditRecord> records = new ArrayList<>(chain.records());
        AuditHead head = chain.head();
        for (int i = 0; i < more; i++) {
            AuditRecord record = AuditChain.append(head, json("{\"update\":" + (records.size() + 1)
                    + ",\"approver\":\"carol\",\"audience\":\"customers\",\"impact\":2.50}"), signer);
            records.add(record);
            head = AuditChain.headAfter(record, signer);
        }
        return new Chain(records, head);
    }

    private AuditChain.Verification verify(Chain chain) {
        return AuditChain.verify(CHAIN, chain.records(), chain.head(), keys, Optional.empty());
    }

    @Test
    void intactChainVerifiesAgainstItsHead() throws Exception {
        Chain chain = chainOf(5);

        AuditChain.Verification result = verify(chain);
        assertThat(result.valid()).isTrue();
        assertThat(result.verifiedThrough()).isEqualTo(5);
        assertThat(chain.records().get(0).previousMac()).isEqualTo(AuditChain.GENESIS);
        assertThat(AuditChain.verify(CHAIN, List.of(), AuditChain.emptyHead(CHAIN, keys), keys, Optional.empty()).valid()).isTrue();
    }

    @Test
    void alteredContentIsFoundAtTheAlteredRecord() throws Exception {
        Chain chain = chainOf(5);
        AuditRecord original = chain.records().get(2);
        chain.records().set(2, new AuditRecord(CHAIN, 3, original.previousMac(),
                json("{\"update\":3,\"approver\":\"mallory\",\"audience\":\"customers\",\"impact\":2.50}"), "k1", original.mac()));

        AuditChain.Verification result = verify(chain);
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSequence()).contains(3L);
        assertThat(result.reason()).contains("altered");
    }

    @Test
    void aRowRewrittenWithEveryLaterLinkRecomputedWithoutTheKeyIsDetected() throws Exception {
        // The attack plain SHA-256 links allowed: rewrite record 2, recompute its link and every later one.
        Chain chain = chainOf(5);
        List<AuditRecord> forged = new ArrayList<>(chain.records().subList(0, 1));
        String previous = forged.get(0).mac();
        for (int sequence = 2; sequence <= 5; sequence++) {
            JsonNode content = sequence == 2 ? json("{\"update\":2,\"approver\":\"mallory\"}") : chain.records().get(sequence - 1).content();
            String mac = sha256(CHAIN + "\n" + sequence + "\n" + previous + "\n" + CanonicalJson.of(content));
            forged.add(new AuditRecord(CHAIN, sequence, previous, content, "k1", mac));
            previous = mac;
        }
        // The attacker may even guess a key: a MAC under any other key fails too.
        AuditKeys guessed = new AuditKeys("k1", Map.of("k1", bytes("a-key-the-attacker-made-up-himself")));
        AuditHead forgedHead = AuditChain.headAfter(forged.get(4), guessed);

        AuditChain.Verification result = AuditChain.verify(CHAIN, forged, forgedHead, keys, Optional.empty());
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSequence()).contains(2L);
    }

    @Test
    void aTruncatedTailIsDetectedByTheHead() throws Exception {
        Chain chain = chainOf(5);
        Chain truncated = new Chain(new ArrayList<>(chain.records().subList(0, 3)), chain.head());

        AuditChain.Verification result = verify(truncated);
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSequence()).contains(4L);
        assertThat(result.reason()).contains("removed");
    }

    @Test
    void aTruncatedTailWithAnOlderHeadPutBackIsDetectedByAnAnchorKeptOutside() throws Exception {
        Chain early = chainOf(3);
        Chain full = extend(early, 2, keys);
        AuditAnchor published = new AuditAnchor(5, full.records().get(4).mac());

        // Truncated to 3 records with the (genuinely MACed) head of that time: consistent by itself.
        assertThat(verify(early).valid()).isTrue();
        AuditChain.Verification result = AuditChain.verify(CHAIN, early.records(), early.head(), keys, Optional.of(published));
        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).contains("anchored record 5 is missing");
        assertThat(AuditChain.verify(CHAIN, full.records(), full.head(), keys, Optional.of(published)).valid()).isTrue();
    }

    @Test
    void aForgedHeadIsDetected() throws Exception {
        Chain chain = chainOf(5);
        AuditHead head = chain.head();
        AuditHead shorter = new AuditHead(CHAIN, 3, chain.records().get(2).mac(), "k1", head.headMac());

        AuditChain.Verification result = AuditChain.verify(CHAIN, chain.records().subList(0, 3), shorter, keys, Optional.empty());
        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).contains("head was altered");
    }

    @Test
    void removedAndReorderedRecordsAreDetected() throws Exception {
        Chain chain = chainOf(5);
        List<AuditRecord> withoutThird = new ArrayList<>(chain.records());
        withoutThird.remove(2);
        assertThat(AuditChain.verify(CHAIN, withoutThird, chain.head(), keys, Optional.empty()).reason()).contains("record 3 is missing");

        List<AuditRecord> swapped = new ArrayList<>(chain.records());
        swapped.set(1, chain.records().get(2));
        swapped.set(2, chain.records().get(1));
        assertThat(AuditChain.verify(CHAIN, swapped, chain.head(), keys, Optional.empty()).valid()).isFalse();
    }

    @Test
    void contentThatWentThroughAnotherJsonStoreStillVerifies() throws Exception {
        Chain chain = chainOf(3);
        // What a jsonb column or another library may give back: other key order, other number spelling.
        List<AuditRecord> reread = new ArrayList<>();
        for (AuditRecord r : chain.records()) {
            JsonNode respelled = json("{\"impact\":2.5,\"audience\":\"customers\",\"approver\":\"carol\",\"update\":" + r.sequence() + ".0}");
            reread.add(new AuditRecord(r.chain(), r.sequence(), r.previousMac(), respelled, r.keyId(), r.mac()));
        }

        assertThat(AuditChain.verify(CHAIN, reread, chain.head(), keys, Optional.empty()).valid()).isTrue();
    }

    @Test
    void recordsSignedWithARetiredKeyVerifyAfterRotation() throws Exception {
        AuditKeys k2 = new AuditKeys("k2", Map.of("k1", bytes("the-key-that-lives-outside-the-db!"),
                "k2", bytes("the-next-key-after-rotation-at-q4!")));
        Chain chain = extend(chainOf(2), 2, k2);

        assertThat(chain.records().get(3).keyId()).isEqualTo("k2");
        assertThat(AuditChain.verify(CHAIN, chain.records(), chain.head(), k2, Optional.empty()).valid()).isTrue();
        AuditChain.Verification withoutNewKey = AuditChain.verify(CHAIN, chain.records(), chain.head(), keys, Optional.empty());
        assertThat(withoutNewKey.valid()).isFalse();
        assertThat(withoutNewKey.reason()).contains("k2 is not configured");
    }

    @Test
    void keysShorterThan32BytesAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AuditKeys("k1", Map.of("k1", bytes("short"))))
                .hasMessageContaining("at least 32");
    }

    private JsonNode json(String text) throws Exception {
        return mapper.readTree(text);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes(s)));
    }
}
