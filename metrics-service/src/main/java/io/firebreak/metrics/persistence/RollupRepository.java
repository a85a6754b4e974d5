package io.firebreak.metrics.persistence;

import io.firebreak.metrics.model.rollup.PeriodCover;
import io.firebreak.metrics.model.rollup.RollupCell;
import io.firebreak.metrics.model.rollup.RollupKey;
import io.firebreak.platform.outbox.OutboxConfig;
import io.firebreak.platform.sql.SessionSql;
import io.firebreak.platform.sql.SqlIdentifiers;
import io.firebreak.platform.work.InSequence;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The incident-figure rollups ({@code metric_rollup}): written as increments (an upsert adds to the row under its
 * lock, so concurrent folds of different incidents add up), read per {@link PeriodCover}; and the raw incidents of a
 * cover's partial days.
 */
@ApplicationScoped
@WithSession
public class RollupRepository {

    /** A stored rollup row, as read for a summary. */
    public record Row(String value, long counted, long excluded, long drills, String excludedByRule, String mtta,
                      long mttaSum, String mttr, long mttrSum, String mtte, long mtteSum) {
    }

    /** A raw incident of a partial day: its key, kind and figures. */
    public record RawIncident(UUID incidentId, Instant declaredAt, String service, String priority, boolean drill, boolean included, Long mtta,
                              Long mttr, Long mtte) {
    }

    /** Rows per statement: 17 parameters each, well below PostgreSQL's 65,535. */
    private static final int ROWS_PER_STATEMENT = 250;

    private final String schema;
    private final String insert;
    private final String onConflict;

    public RollupRepository(OutboxConfig config) {
        schema = SqlIdentifiers.schema(config.schema());
        insert = "insert into " + schema + ".metric_rollup as r (dim, level, block, value, counted, excluded, drills,"
                + " excluded_by_rule, mtta, mtta_n, mtta_sum, mttr, mttr_n, mttr_sum, mtte, mtte_n, mtte_sum) values ";
        onConflict = " on conflict (dim, level, block, value) do update set"
                + " counted = r.counted + excluded.counted, excluded = r.excluded + excluded.excluded, drills = r.drills + excluded.drills,"
                + " excluded_by_rule = " + addCounts("excluded_by_rule") + ","
                + " mtta = " + addCounts("mtta") + ", mtta_n = r.mtta_n + excluded.mtta_n, mtta_sum = r.mtta_sum + excluded.mtta_sum,"
                + " mttr = " + addCounts("mttr") + ", mttr_n = r.mttr_n + excluded.mttr_n, mttr_sum = r.mttr_sum + excluded.mttr_sum,"
                + " mtte = " + addCounts("mtte") + ", mtte_n = r.mtte_n + excluded.mtte_n, mtte_sum = r.mtte_sum + excluded.mtte_sum";
    }

    /**
     * The column plus the change's map. {@code add_counts} has a subquery, so PostgreSQL cannot inline it and each call
     * runs as a function of its own (~60 µs here); most changes leave a map empty (a declaration changes counts, not
     * histograms), and calling it only for a non-empty map took the upsert of an incident's 48 rows from 7.7 ms of
     * database time to 0.8 ms (means over a paging benchmark run) — it had been the costliest statement of the whole stack per declaration.
     */
    private String addCounts(String column) {
        return "case when excluded." + column + " = '{}'::jsonb then r." + column + " else " + schema + ".add_counts(r." + column
                + ", excluded." + column + ") end";
    }

    /**
     * Adds the changes to their rows, in the order given (callers pass {@link RollupKey} order, so concurrent writers
     * lock shared rows in one order), many rows per statement.
     */
    public Uni<Void> add(Map<RollupKey, RollupCell> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<List<Map.Entry<RollupKey, RollupCell>>> chunks = new ArrayList<>();
        List<Map.Entry<RollupKey, RollupCell>> chunk = new ArrayList<>();
        for (Map.Entry<RollupKey, RollupCell> e : changes.entrySet()) {
            chunk.add(e);
            if (chunk.size() == ROWS_PER_STATEMENT) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return Panache.getSession().chain(s -> InSequence.forEach(chunks, c -> add(s, c)));
    }

    private Uni<Void> add(Mutiny.Session s, List<Map.Entry<RollupKey, RollupCell>> rows) {
        StringBuilder sql = new StringBuilder(insert);
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:g").append(i).append(", cast(:s").append(i).append(" as smallint), cast(:v").append(i)
                    .append(" as integer), :p").append(i)
                    .append(", :c").append(i).append(", :x").append(i).append(", :d").append(i).append(", cast(cast(:r").append(i)
                    .append(" as text) as jsonb)");
            for (String f : new String[] {"a", "m", "e"}) {
                sql.append(", cast(cast(:").append(f).append(i).append(" as text) as jsonb), :").append(f).append("n").append(i).append(", :")
                        .append(f).append("s").append(i);
            }
            sql.append(')');
        }
        SessionSql q = SessionSql.on(s, sql.append(onConflict).toString());
        for (int i = 0; i < rows.size(); i++) {
            RollupKey k = rows.get(i).getKey();
            RollupCell c = rows.get(i).getValue();
            q.bind("g" + i, k.dimension()).bind("s" + i, k.level()).bind("v" + i, k.block())
                    .bind("p" + i, k.value()).bind("c" + i, c.counted).bind("x" + i, c.excluded)
                    .bind("d" + i, c.drills).bind("r" + i, c.rulesJson())
                    .bind("a" + i, c.mtta.json()).bind("an" + i, c.mtta.count).bind("as" + i, c.mtta.sum)
                    .bind("m" + i, c.mttr.json()).bind("mn" + i, c.mttr.count).bind("ms" + i, c.mttr.sum)
                    .bind("e" + i, c.mtte.json()).bind("en" + i, c.mtte.count).bind("es" + i, c.mtte.sum);
        }
        return q.update().replaceWithVoid();
    }

    /** The rollup rows of one dimension (every value) for the cover's blocks. */
    public Uni<List<Row>> rows(String dimension, PeriodCover cover) {
        if (cover.blocks().isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        StringBuilder blocks = new StringBuilder();
        for (int i = 0; i < cover.blocks().size(); i++) {
            blocks.append(i == 0 ? "" : ", ").append("(cast(:l").append(i).append(" as smallint), cast(:b").append(i).append(" as integer))");
        }
        String sql = "select value, counted, excluded, drills, excluded_by_rule::text, mtta::text, mtta_sum, mttr::text, mttr_sum, mtte::text,"
                + " mtte_sum from " + schema + ".metric_rollup where dim = :d and (level, block) in (" + blocks + ")";
        return Panache.getSession().chain(s -> {
            SessionSql q = SessionSql.on(s, sql).bind("d", dimension);
            for (int i = 0; i < cover.blocks().size(); i++) {
                q.bind("l" + i, cover.blocks().get(i).level()).bind("b" + i, cover.blocks().get(i).index());
            }
            return q.rows();
        }).map(list -> {
            List<Row> rows = new ArrayList<>(list.size());
            for (Object[] r : list) {
                rows.add(new Row((String) r[0], num(r[1]), num(r[2]), num(r[3]), (String) r[4], (String) r[5], num(r[6]), (String) r[7], num(r[8]),
                        (String) r[9], num(r[10])));
            }
            return rows;
        });
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static Long nullable(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    /** The incidents declared in the cover's partial days. */
    public Uni<List<RawIncident>> raw(List<PeriodCover.Raw> parts) {
        if (parts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String sql = "select incident_id, declared_at, business_service, priority, drill, included, mtta_seconds, mttr_seconds, mtte_seconds from " + schema
                + ".incident_metric where " + declaredIn(parts.size(), "");
        return Panache.getSession().chain(s -> bind(SessionSql.on(s, sql), parts).rows()).map(list -> {
            List<RawIncident> out = new ArrayList<>(list.size());
            for (Object[] r : list) {
                out.add(new RawIncident((UUID) r[0], instant(r[1]), (String) r[2], (String) r[3], (Boolean) r[4], (Boolean) r[5], nullable(r[6]),
                        nullable(r[7]), nullable(r[8])));
            }
            return out;
        });
    }

    /** The open findings' rules of the excluded incidents declared in the cover's partial days: [incident id, rule]. */
    public Uni<List<Object[]>> openRules(List<PeriodCover.Raw> parts) {
        if (parts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String sql = "select f.incident_id, f.rule from " + schema + ".data_quality_finding f join " + schema + ".incident_metric i"
                + " on i.incident_id = f.incident_id where f.resolved_at is null and not i.included and (" + declaredIn(parts.size(), "i.") + ")";
        return Panache.getSession().chain(s -> bind(SessionSql.on(s, sql), parts).rows());
    }

    private static String declaredIn(int parts, String alias) {
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            where.append(i == 0 ? "" : " or ").append('(').append(alias).append("declared_at >= :rf").append(i).append(" and ").append(alias)
                    .append("declared_at < :ru").append(i).append(')');
        }
        return where.toString();
    }

    private static SessionSql bind(SessionSql q, List<PeriodCover.Raw> parts) {
        for (int i = 0; i < parts.size(); i++) {
            q.bind("rf" + i, parts.get(i).from()).bind("ru" + i, parts.get(i).until());
        }
        return q;
    }

    /** Whether rollups must be rebuilt from the incidents (they predate rollups); the flag row is locked until the end. */
    public Uni<Boolean> rebuildNeeded() {
        return Panache.getSession().chain(s -> SessionSql.on(s, "select needed from " + schema + ".rollup_rebuild for update")
                .column()).map(l -> !l.isEmpty() && Boolean.TRUE.equals(l.get(0)));
    }

    /**
     * Starts a rebuild: folds wait (the incidents are locked against change until the transaction ends) and every
     * rollup row is removed.
     */
    public Uni<Void> startRebuild() {
        return Panache.getSession().chain(s -> s.createNativeQuery("lock table " + schema + ".incident_metric in share mode").executeUpdate()
                .chain(() -> s.createNativeQuery("delete from " + schema + ".metric_rollup").executeUpdate())
                .chain(() -> s.createNativeQuery("delete from " + schema + ".rollup_rebuild").executeUpdate())).replaceWithVoid();
    }

    /** The first and last day incidents were declared on, or null when none. */
    public Uni<LocalDate[]> declaredSpan() {
        return Panache.getSession().chain(s -> SessionSql.on(s, "select min(declared_at), max(declared_at) from " + schema + ".incident_metric")
                .rows().map(rows -> rows.get(0))).map(r -> r[0] == null ? null : new LocalDate[] {day(r[0]), day(r[1])});
    }

    private static LocalDate day(Object at) {
        return LocalDate.ofInstant(instant(at), ZoneOffset.UTC);
    }

    private static Instant instant(Object at) {
        return at instanceof OffsetDateTime o ? o.toInstant() : (Instant) at;
    }

}
