package io.firebreak.classification.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

import io.firebreak.classification.model.intake.SignalRecord;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

@ApplicationScoped
@WithSession
public class SignalRepository implements PanacheRepositoryBase<SignalRecord, java.util.UUID> {

    private static final String INSERT_ALL = "insert into classification.signal (id, alert_group_id, service,"
            + " integration_key_id, action, dedup_key, severity, summary, source, payload, received_at)"
            + " select r.id, r.alert_group_id, r.service, r.integration_key_id, r.action, r.dedup_key, r.severity,"
            + " r.summary, r.source, r.payload, r.received_at"
            + " from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(id uuid, alert_group_id uuid,"
            + " service text, integration_key_id text, action text, dedup_key text, severity text, summary text,"
            + " source text, payload text, received_at timestamptz)";

    private final ObjectMapper mapper;

    public SignalRepository(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Writes the signals in one statement (one round trip for a whole batch, where persisting entities would
     * send one insert each); the session must have been flushed first, so the groups they name exist.
     */
    public Uni<Integer> insertAll(List<SignalRecord> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        ArrayNode rows = mapper.createArrayNode();
        for (SignalRecord r : records) {
            ObjectNode row = rows.addObject();
            row.put("id", r.id.toString());
            row.put("alert_group_id", r.alertGroupId == null ? null : r.alertGroupId.toString());
            row.put("service", r.service);
            row.put("integration_key_id", r.integrationKeyId);
            row.put("action", r.action);
            row.put("dedup_key", r.dedupKey);
            row.put("severity", r.severity);
            row.put("summary", r.summary);
            row.put("source", r.source);
            row.put("payload", r.payload);
            row.put("received_at", r.receivedAt == null ? null : r.receivedAt.toString());
        }
        String json = rows.toString();
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT_ALL)
                .setParameter("rows", json).executeUpdate());
    }

    /** Removes up to {@code batch} raw signals received before {@code before}; answers how many. */
    public Uni<Integer> purgeReceivedBefore(OffsetDateTime before, int batch) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "delete from classification.signal where id in (select id from classification.signal"
                                + " where received_at < :before limit " + batch + ")")
                .setParameter("before", before).executeUpdate());
    }
}
