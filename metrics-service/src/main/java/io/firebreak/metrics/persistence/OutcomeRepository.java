package io.firebreak.metrics.persistence;

import io.firebreak.metrics.model.BusinessOutcome;
import io.firebreak.platform.outbox.OutboxConfig;
import io.firebreak.platform.sql.SessionSql;
import io.firebreak.platform.sql.SqlIdentifiers;
import io.firebreak.platform.sql.SqlNumbers;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Business outcome figures imported from business systems ({@code business_outcome}). */
@ApplicationScoped
@WithSession
public class OutcomeRepository {

    private final String schema;

    public OutcomeRepository(OutboxConfig config) {
        schema = SqlIdentifiers.schema(config.schema());
    }

    private static List<BusinessOutcome> rows(List<Object[]> list) {
        List<BusinessOutcome> out = new ArrayList<>(list.size());
        for (Object[] r : list) {
            out.add(new BusinessOutcome((String) r[0], (String) r[1], SqlNumbers.decimal(r[2]), (String) r[3], (String) r[4], (String) r[5],
                    r[6] instanceof OffsetDateTime o ? o.toInstant() : (Instant) r[6]));
        }
        return out;
    }

    private static final String COLUMNS = "metric, period, value, unit, source, recorded_by, recorded_at";

    /** The figure, locked until the transaction ends (two imports of one figure apply one after the other); null when none. */
    public Uni<BusinessOutcome> locked(String metric, String period) {
        return Panache.getSession().chain(s -> SessionSql.on(s, "select " + COLUMNS + " from " + schema + ".business_outcome where metric = :m"
                + " and period = :p for update").bind("m", metric).bind("p", period).rows())
                .map(l -> l.isEmpty() ? null : rows(l).get(0));
    }

    public Uni<Void> upsert(BusinessOutcome o) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into " + schema + ".business_outcome (" + COLUMNS + ") values (:m, :p,"
                        + " :v, :u, :s, :b, :a) on conflict (metric, period) do update set value = excluded.value, unit = excluded.unit,"
                        + " source = excluded.source, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at")
                .setParameter("m", o.metric()).setParameter("p", o.period()).setParameter("v", o.value()).setParameter("u", o.unit())
                .setParameter("s", o.source()).setParameter("b", o.recordedBy()).setParameter("a", OffsetDateTime.ofInstant(o.recordedAt(), ZoneOffset.UTC))
                .executeUpdate()).replaceWithVoid();
    }

    /** Every figure, or one metric's, ordered by metric and period. */
    public Uni<List<BusinessOutcome>> all(String metric) {
        return Panache.getSession().chain(s -> {
            SessionSql q = SessionSql.on(s, "select " + COLUMNS + " from " + schema + ".business_outcome" + (metric == null ? "" : " where metric = :m")
                    + " order by metric, period");
            return (metric == null ? q : q.bind("m", metric)).rows();
        }).map(OutcomeRepository::rows);
    }
}
