package io.firebreak.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private List<AuditRecord> chainOf(int size) throws Exception {
        List<AuditRecord> chain = new ArrayList<>();
        AuditRecord last = null;
        for (int i = 1; i <= size; i++) {
            last = AuditChain.append(last, json("{\"update\":" + i + ",\"approver\":\"carol\",\"audience\":\"customers\"}"));
            chain.add(last);
        }
        return chain;
    }

    private JsonNode json(String text) throws Exception {
        return mapper.readTree(text);
    }

    @Test
    void intactChainVerifies() throws Exception {
        List<AuditRecord> chain = chainOf(5);
        assertThat(AuditChain.verify(chain).valid()).isTrue();
        assertThat(AuditChain.verify(chain, chain.get(4).hash()).valid()).isTrue();
        assertThat(chain.get(0).previousHash()).isEqualTo(AuditChain.GENESIS);
    }

    @Test
    void alteredContentIsFoundAtTheAlteredRecord() throws Exception {
        List<AuditRecord> chain = chainOf(5);
        AuditRecord original = chain.get(2);
        chain.set(2, new AuditRecord(original.sequence(), original.previousHash(),
                json("{\"update\":3,\"approver\":\"mallory\",\"audience\":\"customers\"}"), original.hash()));

        AuditChain.Verification result = AuditChain.verify(chain);
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSequence()).contains(3L);
        assertThat(result.reason()).contains("altered");
    }

    @Test
    void alteredContentWithRecomputedHashBreaksTheNextLink() throws Exception {
        List<AuditRecord> chain = chainOf(5);
        AuditRecord original = chain.get(1);
        JsonNode forged = json("{\"update\":2,\"approver\":\"mallory\"}");
        chain.set(1, new AuditRecord(2, original.previousHash(), forged, AuditChain.hash(2, original.previousHash(), forged)));

        AuditChain.Verification result = AuditChain.verify(chain);
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSequence()).contains(3L);
    }

    @Test
    void deletedRecordIsFound() throws Exception {
        List<AuditRecord> chain = chainOf(5);
        chain.remove(2);

        AuditChain.Verification result = AuditChain.verify(chain);
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSequence()).contains(4L);
        assertThat(result.reason()).contains("record 3 is missing");
    }

    @Test
    void deletedNewestRecordIsFoundAgainstTheAnchoredHead() throws Exception {
        List<AuditRecord> chain = chainOf(5);
        String head = chain.get(4).hash();
        chain.remove(4);

        assertThat(AuditChain.verify(chain).valid()).isTrue();
        AuditChain.Verification result = AuditChain.verify(chain, head);
        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).contains("newest records were removed");
    }

    @Test
    void reorderedRecordsAreFound() throws Exception {
        List<AuditRecord> chain = chainOf(5);
        AuditRecord third = chain.get(2);
        chain.set(2, chain.get(3));
        chain.set(3, third);

        AuditChain.Verification result = AuditChain.verify(chain);
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSequence()).contains(4L);
    }

    @Test
    void renumberedReorderingIsFoundByTheBrokenLink() throws Exception {
        List<AuditRecord> chain = chainOf(4);
        AuditRecord second = chain.get(1);
        AuditRecord third = chain.get(2);
        chain.set(1, new AuditRecord(2, third.previousHash(), third.content(), third.hash()));
        chain.set(2, new AuditRecord(3, second.previousHash(), second.content(), second.hash()));

        AuditChain.Verification result = AuditChain.verify(chain);
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSequence()).contains(2L);
    }

    @Test
    void keyOrderOfTheContentDoesNotChangeTheHash() throws Exception {
        JsonNode a = json("{\"b\":1,\"a\":{\"y\":[1,2],\"x\":true}}");
        JsonNode b = json("{\"a\":{\"x\":true,\"y\":[1,2]},\"b\":1}");
        assertThat(AuditChain.hash(1, AuditChain.GENESIS, a)).isEqualTo(AuditChain.hash(1, AuditChain.GENESIS, b));
        assertThat(CanonicalJson.of(a)).isEqualTo("{\"a\":{\"x\":true,\"y\":[1,2]},\"b\":1}");
    }
}
