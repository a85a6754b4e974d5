package io.firebreak.platform.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firebreak.platform.api.Page;
import io.firebreak.platform.audit.AuditLog;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.sql.SessionSql;
import io.firebreak.platform.sql.SqlIdentifiers;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What operators do with parked rows: list them, send them again (after fixing the cause) or discard
 * them for good. Every retry and discard is recorded in the {@value #AUDIT_CHAIN} audit chain in the same
 * transaction as the change.
 */
@ApplicationScoped
public class OutboxAdministration {

    public static final String AUDIT_CHAIN = "outbox-admin";

    private final Pool pool;
    private final AuditLog audit;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final OutboxRelayService relay;
    private final String listParked;
    private final String retry;
    private final String discard;
    private final String describe;

    public OutboxAdministration(Pool pool, AuditLog audit, ObjectMapper mapper, Clock clock, OutboxRelayService relay,
                                OutboxConfig config) {
        this.pool = pool;
        this.audit = audit;
        this.mapper = mapper;
        this.clock = clock;
        this.relay = relay;
        String table = SqlIdentifiers.schema(config.schema()) + ".outbox_event";
        String parked = "parked_at is not null and sent_at is null and discarded_at is null";
        this.listParked = "select id, seq, type, topic, partition_key, attempts, created_at, parked_at, parked_reason from "
                + table + " where " + parked + " and seq > $1 order by seq limit $2";
        this.retry = "update " + table + " set parked_at = null, parked_reason = null, attempts = 0, next_attempt_at = now(),"
                + " last_error = 'parked, retried by ' || :actor where id = :id and " + parked;
        this.discard = "update " + table + " set discarded_at = now(), discarded_by = :actor where id = :id and " + parked;
        this.describe = "select type, topic, partition_key, parked_reason, attempts,"
                + " case when sent_at is not null then 'SENT' when discarded_at is not null then 'DISCARDED'"
                + " when parked_at is not null then 'PARKED' else 'PENDING' end from " + table + " where id = :id";
    }

    /** Parked rows, oldest first; {@code after} is the previous page's cursor. */
    public Uni<Page<ParkedEvent>> parked(String after, int limit) {
        long afterSeq = cursor(after);
        return pool.preparedQuery(listParked).execute(Tuple.of(afterSeq, limit + 1)).map(rows -> {
            List<ParkedEvent> items = new ArrayList<>();
            for (Row r : rows) {
                items.add(new ParkedEvent(r.getUUID("id"), r.getLong("seq"), r.getString("type"), r.getString("topic"),
                        r.getString("partition_key"), r.getInteger("attempts"), r.getOffsetDateTime("created_at"),
                        r.getOffsetDateTime("parked_at"), r.getString("parked_reason")));
            }
            return Page.of(items, limit, e -> Long.toString(e.seq()));
        });
    }

    /** Makes a parked row due again with a fresh attempt budget; the relay runs once it is committed. */
    public Uni<Void> retry(UUID id, String actor, String reason) {
        return Panache.withTransaction(() -> change(id, retry, "retry", actor, reason)).invoke(relay::trigger);
    }

    /** Never publishes a parked row; later rows of its key flow again once it is committed. */
    public Uni<Void> discard(UUID id, String actor, String reason) {
        return Panache.withTransaction(() -> change(id, discard, "discard", actor, reason)).invoke(relay::trigger);
    }

    private Uni<Void> change(UUID id, String update, String action, String actor, String reason) {
        return Panache.getSession().chain(session -> SessionSql.on(session, describe)
                .bind("id", id).rows()
                .chain(found -> {
                    if (found.isEmpty()) {
                        throw ProblemException.notFound("Outbox event", id);
                    }
                    Object[] row = found.get(0);
                    if (!"PARKED".equals(row[5])) {
                        throw ProblemException.conflict("Outbox event " + id + " is " + row[5] + ", not parked");
                    }
                    return session.createNativeQuery(update).setParameter("id", id).setParameter("actor", actor).executeUpdate().chain(changed -> {
                        if (changed == 0) {
                            throw ProblemException.conflict("Outbox event " + id + " changed concurrently; read it again");
                        }
                        ObjectNode content = mapper.createObjectNode()
                                .put("action", action)
                                .put("eventId", id.toString())
                                .put("type", (String) row[0])
                                .put("topic", (String) row[1])
                                .put("key", (String) row[2])
                                .put("parkedReason", (String) row[3])
                                .put("attempts", ((Number) row[4]).intValue())
                                .put("actor", actor)
                                .put("reason", reason)
                                .put("at", clock.instant().toString());
                        return audit.append(AUDIT_CHAIN, content).replaceWithVoid();
                    });
                }));
    }

    private static long cursor(String after) {
        if (after == null || after.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(List.of(new Violation("after", "is not a cursor of this list")));
        }
    }
}
