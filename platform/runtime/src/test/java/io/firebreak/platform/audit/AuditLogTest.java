package io.firebreak.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.platform.testapp.Db;
import io.firebreak.testing.FirebreakTestResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The audit log on the real database, attacked the way someone with write access to it would. */
@QuarkusTest
@QuarkusTestResource(FirebreakTestResource.class)
class AuditLogTest {

    private final AuditLog audit;
    private final ObjectMapper mapper;

    AuditLogTest(AuditLog audit, ObjectMapper mapper) {
        this.audit = audit;
        this.mapper = mapper;
    }

    @Test
    void anUntouchedChainVerifiesAfterItsContentWentThroughJsonb() throws Throwable {
        String chain = newChain();
        // Decimal amounts as a service would hold them: written 2.50 and 1E+2; jsonb keeps 2.50, turns 1E+2
        // into 100 and reorders keys; read back they are doubles and an int. The MAC must not care.
        com.fasterxml.jackson.databind.node.ObjectNode content = mapper.createObjectNode();
        content.put("zeta", "last");
        content.put("amount", new java.math.BigDecimal("2.50"));
        content.put("count", new java.math.BigDecimal("1E+2"));
        content.putObject("nested").putNull("a").putArray("b").add(1).add(new java.math.BigDecimal("2.0"));
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> audit.append(chain, content)));
        append(chain, "{\"approver\":\"carol\",\"at\":\"2026-11-30T10:00:00Z\"}");

        assertThat(Db.text("select content::text from platform_test.audit_record where chain = ? and sequence = 1", chain))
                .contains("2.50").contains("\"count\": 100");
        assertThat(verify(chain).valid()).isTrue();
    }

    @Test
    void aRowRewrittenByTheSchemaOwnerWithRecomputedPlainHashesIsDetected() throws Throwable {
        String chain = newChain();
        for (int i = 1; i <= 4; i++) {
            append(chain, "{\"update\":" + i + ",\"approver\":\"carol\"}");
        }
        // The owner can switch the append-only trigger off, rewrite record 2 and recompute every later
        // link and the head, but only with SHA-256: the MAC key is not in the database.
        asOwnerWithoutTrigger("update platform_test.audit_record set content = '{\"update\":2,\"approver\":\"mallory\"}' where chain = ? and sequence = 2",
                chain);
        String previous = single("select mac from platform_test.audit_record where chain = ? and sequence = 1", chain);
        for (int sequence = 2; sequence <= 4; sequence++) {
            String content = single("select content::text from platform_test.audit_record where chain = ? and sequence = " + sequence, chain);
            String mac = sha256(chain + "\n" + sequence + "\n" + previous + "\n" + CanonicalJson.of(mapper.readTree(content)));
            asOwnerWithoutTrigger("update platform_test.audit_record set previous_mac = '" + previous + "', mac = '" + mac
                    + "' where chain = ? and sequence = " + sequence, chain);
            previous = mac;
        }
        Db.update("update platform_test.audit_head set mac = ? where chain = ?", previous, chain);

        AuditChain.Verification result = verify(chain);
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSequence()).contains(2L);
    }

    @Test
    void aDeletedTailIsDetectedAndAnOlderHeadPutBackIsDetectedByAnAnchor() throws Throwable {
        String chain = newChain();
        for (int i = 1; i <= 3; i++) {
            append(chain, "{\"update\":" + i + "}");
        }
        List<String> headAtThree = List.of(single("select mac from platform_test.audit_head where chain = ?", chain),
                single("select head_mac from platform_test.audit_head where chain = ?", chain));
        append(chain, "{\"update\":4}");
        AuditRecord fifth = append(chain, "{\"update\":5}");
        AuditAnchor anchor = new AuditAnchor(fifth.sequence(), fifth.mac()); // e.g. carried by a published event

        asOwnerWithoutTrigger("delete from platform_test.audit_record where chain = ? and sequence > 3", chain);
        AuditChain.Verification tailGone = verify(chain);
        assertThat(tailGone.valid()).isFalse();
        assertThat(tailGone.reason()).contains("removed");

        // The attacker also restores the head saved when the chain had 3 records.
        Db.update("update platform_test.audit_head set sequence = 3, mac = ?, head_mac = ? where chain = ?",
                headAtThree.get(0), headAtThree.get(1), chain);
        assertThat(verify(chain).valid()).isTrue();
        AuditChain.Verification anchored = VertxContextSupport.subscribeAndAwait(() -> audit.verify(chain, Optional.of(anchor)));
        assertThat(anchored.valid()).isFalse();
        assertThat(anchored.reason()).contains("anchored record 5 is missing");
    }

    @Test
    void theDatabaseRefusesUpdatesAndDeletesOfRecordsByDefault() throws Throwable {
        String chain = newChain();
        append(chain, "{\"update\":1}");

        assertThatThrownBy(() -> Db.update("update platform_test.audit_record set content = '{}' where chain = ?", chain))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> Db.update("delete from platform_test.audit_record where chain = ?", chain))
                .hasStackTraceContaining("append-only");
    }

    @Test
    void concurrentAppendsToOneChainQueueInsteadOfForking() throws Throwable {
        String chain = newChain();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<AuditRecord>> appends = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int n = i;
            appends.add(threads.submit(() -> {
                try {
                    return append(chain, "{\"writer\":" + n + "}");
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        List<Long> sequences = new ArrayList<>();
        for (Future<AuditRecord> f : appends) {
            sequences.add(f.get().sequence());
        }
        threads.shutdown();

        assertThat(sequences).containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.rangeClosed(1, 16).boxed().toList());
        assertThat(verify(chain).valid()).isTrue();
    }

    private AuditRecord append(String chain, String json) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> {
            try {
                return audit.append(chain, mapper.readTree(json));
            } catch (Exception e) {
                throw new IllegalArgumentException(e);
            }
        }));
    }

    private AuditChain.Verification verify(String chain) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> audit.verify(chain, Optional.empty()));
    }

    private static void asOwnerWithoutTrigger(String sql, String chain) {
        Db.update("alter table platform_test.audit_record disable trigger audit_record_append_only");
        try {
            Db.update(sql, chain);
        } finally {
            Db.update("alter table platform_test.audit_record enable trigger audit_record_append_only");
        }
    }

    private static String single(String sql, String chain) {
        return Db.text(sql, chain);
    }

    private static String newChain() {
        return "test-" + UUID.randomUUID();
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
