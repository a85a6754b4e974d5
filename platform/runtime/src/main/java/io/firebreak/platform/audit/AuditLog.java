package io.firebreak.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.platform.sql.SessionSql;
import io.firebreak.platform.sql.SqlIdentifiers;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stores audit chains in the service's schema ({@code audit_record}, {@code audit_head}). Appending runs
 * inside the caller's transaction, so the audited change and its record commit together; the head row is
 * locked for the append, so concurrent appends to one chain queue instead of forking it.
 */
@ApplicationScoped
public class AuditLog {

    private static final int PAGE = 500;

    private final ObjectMapper mapper;
    private final Pool pool;
    private final AuditKeys keys;
    private final String ensureHead;
    private final String lockHead;
    private final String insertRecord;
    private final String updateHead;
    private final String readHead;
    private final String readRecords;

    public AuditLog(ObjectMapper mapper, Pool pool, AuditConfig config) {
        this.mapper = mapper;
        this.pool = pool;
        this.keys = AuditKeys.fromBase64(config.keyId(), config.key(), config.retiredKeys());
        String schema = SqlIdentifiers.schema(config.schema());
        this.ensureHead = "insert into " + schema + ".audit_head (chain, sequence, mac, key_id, head_mac)"
                + " values (:chain, 0, :mac, :keyId, :headMac) on conflict (chain) do nothing";
        this.lockHead = "select sequence, mac from " + schema + ".audit_head where chain = :chain for update";
        this.insertRecord = "insert into " + schema + ".audit_record (chain, sequence, previous_mac, content, key_id, mac)"
                + " values (:chain, :sequence, :previousMac, cast(cast(:content as text) as jsonb), :keyId, :mac)";
        this.updateHead = "update " + schema + ".audit_head set sequence = :sequence, mac = :mac, key_id = :keyId,"
                + " head_mac = :headMac, updated_at = now() where chain = :chain";
        this.readHead = "select chain, sequence, mac, key_id, head_mac from " + schema + ".audit_head where chain = $1";
        this.readRecords = "select chain, sequence, previous_mac, content::text as content, key_id, mac from " + schema
                + ".audit_record where chain = $1 and sequence > $2 order by sequence limit $3";
    }

    /** Appends {@code content} to {@code chain} in the current transaction; call it from {@code @WithTransaction}. */
    public Uni<AuditRecord> append(String chain, JsonNode content) {
        AuditHead empty = AuditChain.emptyHead(chain, keys);
        return Panache.getSession().chain(session -> session.createNativeQuery(ensureHead)
                .setParameter("chain", chain).setParameter("mac", empty.mac()).setParameter("keyId", empty.keyId())
                .setParameter("headMac", empty.headMac()).executeUpdate()
                .chain(() -> SessionSql.on(session, lockHead).bind("chain", chain).firstRow()
                        .map(row -> row.orElseThrow(() -> new IllegalStateException("no audit head for " + chain))))
                .chain(head -> {
                    AuditHead current = new AuditHead(chain, ((Number) head[0]).longValue(), (String) head[1], null, null);
                    AuditRecord record = AuditChain.append(current, content, keys);
                    AuditHead next = AuditChain.headAfter(record, keys);
                    return session.createNativeQuery(insertRecord)
                            .setParameter("chain", chain).setParameter("sequence", record.sequence())
                            .setParameter("previousMac", record.previousMac()).setParameter("content", json(content))
                            .setParameter("keyId", record.keyId()).setParameter("mac", record.mac())
                            .executeUpdate()
                            .chain(() -> session.createNativeQuery(updateHead)
                                    .setParameter("sequence", next.sequence()).setParameter("mac", next.mac())
                                    .setParameter("keyId", next.keyId()).setParameter("headMac", next.headMac())
                                    .setParameter("chain", chain).executeUpdate())
                            .replaceWith(record);
                }));
    }

    /** Verifies a whole chain against its head and, when given, an anchor known outside the database. */
    public Uni<AuditChain.Verification> verify(String chain, Optional<AuditAnchor> anchor) {
        AuditChain.Verifier verifier = new AuditChain.Verifier(chain, keys, anchor);
        return verifyFrom(verifier, chain, 0)
                .chain(() -> pool.preparedQuery(readHead).execute(Tuple.of(chain)))
                .map(rows -> {
                    AuditHead head = null;
                    for (Row row : rows) {
                        head = new AuditHead(row.getString("chain"), row.getLong("sequence"), row.getString("mac"),
                                row.getString("key_id"), row.getString("head_mac"));
                    }
                    return verifier.finish(head);
                });
    }

    private Uni<Void> verifyFrom(AuditChain.Verifier verifier, String chain, long after) {
        return read(chain, after, PAGE).chain(records -> {
            for (AuditRecord record : records) {
                if (!verifier.accept(record)) {
                    return Uni.createFrom().voidItem();
                }
            }
            return records.size() < PAGE ? Uni.createFrom().voidItem()
                    : verifyFrom(verifier, chain, records.get(records.size() - 1).sequence());
        });
    }

    /** Records of a chain after a sequence number, oldest first. */
    public Uni<List<AuditRecord>> read(String chain, long afterSequence, int limit) {
        return pool.preparedQuery(readRecords).execute(Tuple.of(chain, afterSequence, limit)).map(rows -> {
            List<AuditRecord> records = new ArrayList<>();
            for (Row row : rows) {
                records.add(new AuditRecord(row.getString("chain"), row.getLong("sequence"), row.getString("previous_mac"),
                        parse(row.getString("content")), row.getString("key_id"), row.getString("mac")));
            }
            return records;
        });
    }

    private String json(JsonNode content) {
        try {
            return mapper.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit content is not serialisable", e);
        }
    }

    private JsonNode parse(String content) {
        try {
            return mapper.readTree(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored audit content is not JSON", e);
        }
    }
}
