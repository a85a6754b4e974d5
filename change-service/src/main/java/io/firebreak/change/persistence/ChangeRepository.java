package io.firebreak.change.persistence;

import io.firebreak.change.model.ChangeFlag;
import io.firebreak.change.model.EmergencyChange;
import io.firebreak.change.model.FreezeExceptionGrant;
import io.firebreak.change.model.FreezeWindow;
import io.firebreak.change.model.SuspectedRegression;
import io.firebreak.platform.sql.SessionSql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Emergency changes, freeze windows and exceptions, flags and suspected regressions. */
@ApplicationScoped
@WithSession
public class ChangeRepository {

    private final String nextNumber;

    public ChangeRepository(io.firebreak.platform.outbox.OutboxConfig config) {
        // nextval takes the sequence's name as text, where Hibernate's {h-schema} is not substituted.
        nextNumber = "select nextval('" + io.firebreak.platform.sql.SqlIdentifiers.schema(config.schema()) + ".change_number')";
    }

    public Uni<Long> nextNumber() {
        return Panache.getSession().chain(s -> SessionSql.on(s, nextNumber).count());
    }

    public Uni<EmergencyChange> change(UUID id) {
        return Panache.getSession().chain(s -> s.find(EmergencyChange.class, id));
    }

    /** The change locked until the transaction ends: two transitions of one change run one after the other. */
    public Uni<EmergencyChange> locked(UUID id) {
        return Panache.getSession().chain(s -> s.find(EmergencyChange.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public Uni<List<EmergencyChange>> changesOf(UUID incidentId) {
        return Panache.getSession().chain(s -> s.createQuery("from EmergencyChange where incidentId = ?1 order by number", EmergencyChange.class)
                .setParameter(1, incidentId).getResultList());
    }

    public Uni<List<EmergencyChange>> byNumbers(List<Long> numbers) {
        if (numbers.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createQuery("from EmergencyChange where number in ?1", EmergencyChange.class)
                .setParameter(1, numbers).getResultList());
    }

    /** Changes of any target whose effectiveness window contains {@code at} (implemented, not yet 24 h ago). */
    public Uni<List<EmergencyChange>> effectivenessWindowsOpenAt(Instant at) {
        return Panache.getSession().chain(s -> s.createQuery("from EmergencyChange where implementedAt is not null and implementedAt <= ?1"
                + " and effectivenessDueAt > ?1", EmergencyChange.class).setParameter(1, at).getResultList());
    }

    public Uni<List<FreezeWindow>> windows() {
        return Panache.getSession().chain(s -> s.createQuery("from FreezeWindow order by startsAt, name", FreezeWindow.class).getResultList());
    }

    /** Windows that have not ended by {@code at}. */
    public Uni<List<FreezeWindow>> windowsEndingAfter(Instant at) {
        return Panache.getSession().chain(s -> s.createQuery("from FreezeWindow where endsAt > ?1 order by startsAt, name", FreezeWindow.class)
                .setParameter(1, at).getResultList());
    }

    public Uni<FreezeWindow> window(UUID id) {
        return Panache.getSession().chain(s -> s.find(FreezeWindow.class, id));
    }

    public Uni<Void> remove(Object entity) {
        return Panache.getSession().chain(s -> s.remove(entity));
    }

    public Uni<List<FreezeExceptionGrant>> exceptionsOf(UUID changeId) {
        return Panache.getSession().chain(s -> s.createQuery("from FreezeExceptionGrant where changeId = ?1 order by grantedAt", FreezeExceptionGrant.class)
                .setParameter(1, changeId).getResultList());
    }

    public Uni<FreezeExceptionGrant> exception(UUID id) {
        return Panache.getSession().chain(s -> s.find(FreezeExceptionGrant.class, id));
    }

    public Uni<List<ChangeFlag>> flagsOf(UUID incidentId) {
        return Panache.getSession().chain(s -> s.createQuery("from ChangeFlag where incidentId = ?1 order by raisedAt", ChangeFlag.class)
                .setParameter(1, incidentId).getResultList());
    }

    /** Flags raised after {@code after}, oldest first, at most {@code limit}: the change-management queue. */
    public Uni<List<ChangeFlag>> flags(Instant after, int limit) {
        return Panache.getSession().chain(s -> s.createQuery("from ChangeFlag where raisedAt > ?1 order by raisedAt, id", ChangeFlag.class)
                .setParameter(1, after).setMaxResults(limit).getResultList());
    }

    /** Inserts a flag unless the same flag was raised for the same change or item; answers whether it was new. */
    public Uni<Boolean> raise(ChangeFlag f) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into {h-schema}change_flag (id, flag, incident_id, change_id, item_id,"
                        + " service, detail, raised_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict do nothing")
                .setParameter(1, f.id).setParameter(2, f.flag).setParameter(3, f.incidentId).setParameter(4, f.changeId)
                .setParameter(5, f.itemId).setParameter(6, f.service).setParameter(7, f.detail)
                .setParameter(8, java.time.OffsetDateTime.ofInstant(f.raisedAt, java.time.ZoneOffset.UTC)).executeUpdate()).map(n -> n > 0);
    }

    public Uni<List<SuspectedRegression>> regressionsOf(UUID changeId) {
        return Panache.getSession().chain(s -> s.createQuery("from SuspectedRegression where changeId = ?1 order by startedAt", SuspectedRegression.class)
                .setParameter(1, changeId).getResultList());
    }

    public Uni<SuspectedRegression> regression(UUID changeId, UUID newIncidentId) {
        SuspectedRegression.Key key = new SuspectedRegression.Key();
        key.changeId = changeId;
        key.newIncidentId = newIncidentId;
        return Panache.getSession().chain(s -> s.find(SuspectedRegression.class, key));
    }

    /**
     * One batch's effect on one alert group, in one statement (see AlertGroupFold): on insert the row as the batch's
     * signals would have made it one by one; on conflict the latest trigger and resolve win, the earliest trigger and
     * the first summary are kept. Null arguments are "none in this batch" and leave their columns alone.
     */
    public Uni<Void> alertGroupSeen(String service, String dedupKey, Instant firstAt, Instant earliestTrigger, Instant latestTrigger,
                                    Instant latestResolve, String insertSummary, String triggerSummary) {
        List<String> columns = new java.util.ArrayList<>(List.of("service", "dedup_key", "first_at"));
        List<Object> values = new java.util.ArrayList<>(List.of(service, dedupKey, utc(firstAt)));
        List<String> updates = new java.util.ArrayList<>();
        if (latestTrigger != null) {
            columns.add("last_triggered_at");
            values.add(utc(latestTrigger));
            updates.add("last_triggered_at = greatest(g.last_triggered_at, excluded.last_triggered_at)");
        }
        if (latestResolve != null) {
            columns.add("last_resolved_at");
            values.add(utc(latestResolve));
            updates.add("last_resolved_at = greatest(g.last_resolved_at, excluded.last_resolved_at)");
        }
        if (insertSummary != null) {
            columns.add("summary");
            values.add(insertSummary);
        }
        StringBuilder sql = new StringBuilder("insert into {h-schema}alert_group as g (").append(String.join(", ", columns)).append(") values (");
        for (int i = 1; i <= values.size(); i++) {
            sql.append(i == 1 ? "" : ", ").append('?').append(i);
        }
        sql.append(")");
        if (earliestTrigger != null) {
            values.add(utc(earliestTrigger));
            updates.add("first_at = least(g.first_at, ?" + values.size() + ")");
        }
        if (triggerSummary != null) {
            values.add(triggerSummary);
            updates.add("summary = coalesce(g.summary, ?" + values.size() + ")");
        }
        sql.append(" on conflict (service, dedup_key) do update set ").append(String.join(", ", updates));
        return Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql.toString());
            for (int i = 0; i < values.size(); i++) {
                query.setParameter(i + 1, values.get(i));
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    private static java.time.OffsetDateTime utc(Instant at) {
        return java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC);
    }

    /** The alert groups of {@code service} that triggered at or after {@code since}, or were still firing then. */
    public Uni<List<io.firebreak.change.model.AlertGroup>> alertGroupsOf(String service, Instant since) {
        return Panache.getSession().chain(s -> s.createQuery("from AlertGroup where service = ?1 and lastTriggeredAt is not null"
                        + " and (lastTriggeredAt >= ?2 or lastResolvedAt is null or lastResolvedAt < lastTriggeredAt) order by firstAt",
                io.firebreak.change.model.AlertGroup.class).setParameter(1, service).setParameter(2, since).getResultList());
    }

    /** Alert groups first triggered in [from, until) on one of {@code services}, oldest first. */
    public Uni<List<io.firebreak.change.model.AlertGroup>> alertGroupsStarted(List<String> services, Instant from, Instant until) {
        if (services.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createQuery("from AlertGroup where service in ?1 and firstAt >= ?2 and firstAt < ?3"
                        + " and lastTriggeredAt is not null"
                        + " order by firstAt, service, dedupKey", io.firebreak.change.model.AlertGroup.class)
                .setParameter(1, services).setParameter(2, from).setParameter(3, until).getResultList());
    }

    public <T> Uni<T> persist(T entity) {
        return Panache.getSession().chain(s -> s.persist(entity)).replaceWith(entity);
    }
}
