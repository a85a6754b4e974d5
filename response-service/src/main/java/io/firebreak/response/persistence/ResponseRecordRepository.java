package io.firebreak.response.persistence;

import io.firebreak.platform.outbox.OutboxConfig;
import io.firebreak.platform.sql.SessionSql;
import io.firebreak.platform.sql.SqlIdentifiers;
import io.firebreak.response.model.ResponseRecord;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import io.firebreak.response.model.ResponseStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class ResponseRecordRepository implements PanacheRepositoryBase<ResponseRecord, UUID> {

    private final String table;

    public ResponseRecordRepository(OutboxConfig config) {
        table = SqlIdentifiers.schema(config.schema()) + ".response_record";
    }

    /** The record locked until the transaction ends: lifecycle transitions of one incident queue on it. */
    public Uni<ResponseRecord> locked(UUID incidentId) {
        return findById(incidentId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Newest first, keyset on (opened, id), {@code limit} rows after the cursor; with {@code visibleCondition}
     * (from IncidentAccess, binding {@code :person}) only incidents that person may see.
     */
    public Uni<List<ResponseRecord>> page(ResponseStatus status, Instant afterOpened, UUID afterId, String visibleCondition,
                                          String person, int limit) {
        StringBuilder sql = new StringBuilder("select r.incident_id from " + table + " r where true");
        if (status != null) {
            sql.append(" and r.status = :status");
        }
        if (afterOpened != null) {
            sql.append(" and (r.opened_at, r.incident_id) < (:afterOpened, :afterId)");
        }
        if (visibleCondition != null) {
            sql.append(" and ").append(visibleCondition);
        }
        sql.append(" order by r.opened_at desc, r.incident_id desc limit :limit");
        return Panache.getSession().chain(s -> {
            SessionSql query = SessionSql.on(s, sql.toString()).bind("limit", limit);
            if (status != null) {
                query.bind("status", status.name());
            }
            if (afterOpened != null) {
                query.bind("afterOpened", afterOpened).bind("afterId", afterId);
            }
            if (visibleCondition != null) {
                query.bind("person", person);
            }
            return query.entities(ResponseRecord.class);
        });
    }
}
