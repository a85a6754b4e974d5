package io.firebreak.metrics.persistence;

import io.firebreak.metrics.model.CatalogService;
import io.firebreak.metrics.model.Finding;
import io.firebreak.metrics.model.IncidentMetric;
import io.firebreak.metrics.model.Team;
import io.firebreak.platform.outbox.OutboxConfig;
import io.firebreak.platform.sql.SessionSql;
import io.firebreak.platform.sql.SqlIdentifiers;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Metrics' projections: incidents with their ledgers and figures, findings, hop latencies, catalog owning teams, teams. */
@ApplicationScoped
@WithSession
public class MetricsRepository {

    private final String schema;
    private final String ensure;
    private final String trigger;
    private final String published;

    public MetricsRepository(OutboxConfig config) {
        schema = SqlIdentifiers.schema(config.schema());
        ensure = "insert into " + schema + ".incident_metric (incident_id, ledger, updated_at) values (:id, '{}', now())"
                + " on conflict (incident_id) do nothing";
        trigger = "insert into " + schema + ".recurrence_trigger (service, basis, value, incidents, published_at) values (:service, :basis, :value,"
                + " :incidents, :at) on conflict (service, basis, value) do update set incidents = excluded.incidents, published_at = excluded.published_at";
        published = "select incidents from " + schema + ".recurrence_trigger where service = :service and basis = :basis and value = :value";
    }

    /**
     * Holds the service's recurrence lock until the transaction ends: two incidents of one service folded at once must
     * not both miss each other; the second waits, then its queries see the first committed.
     */
    public Uni<Void> lockService(String service) {
        return lock("recurrence:" + service);
    }

    /**
     * Holds the fold lock until the transaction ends: one fold scope (a consumer's polled batch, a deadline) at a time
     * in the whole service, taken before any other lock of a fold, so the locks a batch gathers event by event can
     * never be waited for in the opposite order by another.
     */
    public Uni<Void> lockFolds() {
        return lock("metrics:fold");
    }

    /** Holds the alert group's lock until the transaction ends (which of its incidents is the original is decided one at a time). */
    public Uni<Void> lockGroup(UUID group) {
        return lock("group:" + group);
    }

    private Uni<Void> lock(String key) {
        return Panache.getSession().chain(s -> SessionSql.on(s, "select 1 from (select pg_advisory_xact_lock(hashtext(:key))) locked")
                .bind("key", key).value()).replaceWithVoid();
    }

    /** The incidents of one alert group, locked (take the group's lock first: every writer of a group's rows does). */
    public Uni<List<IncidentMetric>> ofAlertGroup(UUID group) {
        return Panache.getSession().chain(s -> s.createQuery("from IncidentMetric where alertGroupId = ?1", IncidentMetric.class)
                .setParameter(1, group).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList());
    }

    /** The alert group the incident is known to belong to, read without loading it (so it can be locked after its group). */
    public Uni<UUID> alertGroupOf(UUID incidentId) {
        return Panache.getSession().chain(s -> SessionSql.on(s, "select alert_group_id from " + schema + ".incident_metric where incident_id = :id")
                .bind("id", incidentId).column()).map(l -> l.isEmpty() ? null : (UUID) l.get(0));
    }

    /**
     * Real (not drill) incidents of a service declared in [from, until], only what recurrence reads: id, key, declared,
     * alert fingerprint, contributing factors (text[] as String[]).
     */
    public Uni<List<Object[]>> realIncidentsOf(String service, Instant from, Instant until) {
        return Panache.getSession().chain(s -> SessionSql.on(s, "select incident_id, incident_key, declared_at, alert_fingerprint, factors from "
                + schema + ".incident_metric where business_service = :s and not drill and declared_at >= :f and declared_at <= :u")
                .bind("s", service).bind("f", from).bind("u", until).rows());
    }

    /** As {@link #realIncidentsOf}, only the incidents with one of these alert fingerprints or contributing factors. */
    public Uni<List<Object[]>> realIncidentsSharing(String service, Instant from, Instant until, String[] fingerprints, String[] factors) {
        return Panache.getSession().chain(s -> SessionSql.on(s, "select incident_id, incident_key, declared_at, alert_fingerprint, factors from "
                + schema + ".incident_metric where business_service = :s and not drill and declared_at >= :f and declared_at <= :u"
                + " and (alert_fingerprint = any(:fps) or factors && :factors)")
                .bind("s", service).bind("f", from).bind("u", until).bind("fps", fingerprints).bind("factors", factors).rows());
    }

    /** How many incidents the last published trigger of this group named, or null. */
    public Uni<Integer> publishedTrigger(String service, String basis, String value) {
        return Panache.getSession().chain(s -> SessionSql.on(s, published).bind("service", service)
                .bind("basis", basis).bind("value", value).column()).map(l -> l.isEmpty() || l.get(0) == null ? null : ((Number) l.get(0)).intValue());
    }

    public Uni<Void> triggerPublished(String service, String basis, String value, int incidents, Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery(trigger).setParameter("service", service).setParameter("basis", basis)
                .setParameter("value", value).setParameter("incidents", incidents).setParameter("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .executeUpdate()).replaceWithVoid();
    }

    /**
     * The incident's row, created empty if new, locked until the transaction ends: events of one incident arrive on
     * several topics at once, and each must fold into the ledger the other left.
     */
    public Uni<IncidentMetric> locked(UUID incidentId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(ensure).setParameter("id", incidentId).executeUpdate()
                .chain(() -> s.find(IncidentMetric.class, incidentId, LockModeType.PESSIMISTIC_WRITE)));
    }

    public Uni<IncidentMetric> incident(UUID incidentId) {
        return Panache.getSession().chain(s -> s.find(IncidentMetric.class, incidentId));
    }

    /** Incidents declared in [from, until), drills included (the caller says what it leaves out). */
    public Uni<List<IncidentMetric>> declaredBetween(Instant from, Instant until) {
        return Panache.getSession().chain(s -> s.createQuery("from IncidentMetric where declaredAt >= ?1 and declaredAt < ?2 order by declaredAt",
                IncidentMetric.class).setParameter(1, from).setParameter(2, until).getResultList());
    }

    /** An escalation hop's latency, as stored. */
    public record Hop(UUID incidentId, String eventId, String teamId, int toLevel, long latencySeconds, Instant at) {
    }

    /** Records hops once each, in one statement per 500; answers the event ids of those that were new. */
    public Uni<List<String>> hops(List<Hop> hops) {
        if (hops.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<List<Hop>> chunks = new java.util.ArrayList<>();
        for (int i = 0; i < hops.size(); i += 500) {
            chunks.add(hops.subList(i, Math.min(hops.size(), i + 500)));
        }
        List<String> inserted = new java.util.ArrayList<>();
        return Panache.getSession().chain(s -> io.firebreak.platform.work.InSequence.forEach(chunks, chunk -> {
            StringBuilder sql = new StringBuilder("insert into " + schema + ".hop_latency (incident_id, event_id, team_id, to_level,"
                    + " latency_seconds, escalated_at) values ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(:i").append(i).append(", :e").append(i).append(", :t").append(i).append(", :l").append(i)
                        .append(", :s").append(i).append(", :a").append(i).append(')');
            }
            SessionSql q = SessionSql.on(s, sql.append(" on conflict do nothing returning event_id").toString());
            for (int i = 0; i < chunk.size(); i++) {
                Hop h = chunk.get(i);
                q.bind("i" + i, h.incidentId()).bind("e" + i, h.eventId()).bind("t" + i, h.teamId())
                        .bind("l" + i, h.toLevel()).bind("s" + i, h.latencySeconds()).bind("a" + i, h.at());
            }
            return q.column().invoke(ids -> ids.forEach(id -> inserted.add((String) id)));
        })).replaceWith(inserted);
    }

    /** Hop latencies of incidents declared in [from, until) that are counted: [team id, seconds]. */
    public Uni<List<Object[]>> hopsOfIncluded(Instant from, Instant until) {
        return Panache.getSession().chain(s -> s.createQuery("select h.teamId, h.latencySeconds from HopLatency h, IncidentMetric i"
                        + " where i.incidentId = h.incidentId and i.included = true and i.declaredAt >= ?1 and i.declaredAt < ?2", Object[].class)
                .setParameter(1, from).setParameter(2, until).getResultList());
    }

    public Uni<List<Finding>> findingsOf(UUID incidentId) {
        return Panache.getSession().chain(s -> s.createQuery("from Finding where incidentId = ?1 order by foundAt, rule", Finding.class)
                .setParameter(1, incidentId).getResultList());
    }

    /** Open findings of incidents declared in [from, until). */
    public Uni<List<Finding>> openFindings(Instant from, Instant until) {
        return Panache.getSession().chain(s -> s.createQuery("select f from Finding f, IncidentMetric i where i.incidentId = f.incidentId"
                        + " and f.resolvedAt is null and i.declaredAt >= ?1 and i.declaredAt < ?2 order by f.foundAt", Finding.class)
                .setParameter(1, from).setParameter(2, until).getResultList());
    }

    /**
     * Real (not drill) incidents declared in [from, until), only what the KPI report reads: declared, priority, service,
     * counted, MTTA, MTTR, revenue impact, customers affected.
     */
    public Uni<List<Object[]>> kpiRows(Instant from, Instant until) {
        return Panache.getSession().chain(s -> SessionSql.on(s, "select declared_at, priority, business_service, included, mtta_seconds,"
                        + " mttr_seconds, revenue_impact, customers_affected from " + schema + ".incident_metric where not drill and declared_at >= :f"
                        + " and declared_at < :u").bind("f", from).bind("u", until).rows());
    }

    public Uni<CatalogService> service(String name) {
        return Panache.getSession().chain(s -> s.find(CatalogService.class, name));
    }

    public Uni<List<CatalogService>> services() {
        return Panache.getSession().chain(s -> s.createQuery("from CatalogService", CatalogService.class).getResultList());
    }

    public Uni<Team> team(String id) {
        return Panache.getSession().chain(s -> s.find(Team.class, id));
    }

    public Uni<List<Team>> teams() {
        return Panache.getSession().chain(s -> s.createQuery("from Team", Team.class).getResultList());
    }

    /**
     * Inserts new rows now (native statements that follow may refer to them), then lets the session forget them: an
     * import does not change them again, and every later flush of the transaction would otherwise compare each one.
     */
    public Uni<Void> insertAll(List<?> entities) {
        return Panache.getSession().chain(s -> s.persistAll(entities.toArray()).chain(s::flush).invoke(s::clear));
    }

    public <T> Uni<T> persist(T entity) {
        return Panache.getSession().chain(s -> s.persist(entity)).replaceWith(entity);
    }
}
