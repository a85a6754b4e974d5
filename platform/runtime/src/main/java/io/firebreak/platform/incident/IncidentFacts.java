package io.firebreak.platform.incident;

import io.firebreak.events.EventTypes;
import io.firebreak.events.IncidentDeclared;
import io.firebreak.events.PriorityChanged;
import io.firebreak.events.ResponseStatusChanged;
import io.firebreak.platform.access.AccessConfig;
import io.firebreak.platform.outbox.OutboxConfig;
import io.firebreak.platform.sql.SqlIdentifiers;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * The facts of an incident that every consumer of the incident topics needs, kept in the service's own incident table
 * ({@code firebreak.access.incident-table}, default {@code incident}) from classification's declaration and priority
 * changes and response's lifecycle. One implementation, order-tolerant: the topics are consumed independently, so a
 * lifecycle event may arrive before the declaration — it then creates the row from its own fields (the key stands in
 * for the title) and the declaration completes it without touching the lifecycle. Applying an event twice changes
 * nothing. Runs in the caller's session (the consumer's inbox transaction).
 *
 * <p>The table must have these columns (a service adds its own beside them, and maps them read-only):
 * {@code incident_id uuid primary key, incident_key, title, business_service, priority, drill, declared_by,
 * response_status, detected_at, declared_at, acknowledged_at, mitigated_at, resolved_at, closed_at, reopen_count,
 * updated_at}.
 */
@ApplicationScoped
public class IncidentFacts {

    /** The event types this projection applies. */
    public static final Set<String> TYPES = Set.of(EventTypes.INCIDENT_DECLARED, EventTypes.INCIDENT_PRIORITY_CHANGED,
            EventTypes.RESPONSE_ACKNOWLEDGED, EventTypes.RESPONSE_MITIGATED, EventTypes.RESPONSE_RESOLVED, EventTypes.RESPONSE_CLOSED,
            EventTypes.RESPONSE_REOPENED);

    private final String declared;
    private final String priority;
    private final String status;

    public IncidentFacts(OutboxConfig outbox, AccessConfig access) {
        String table = SqlIdentifiers.schema(outbox.schema()) + "." + SqlIdentifiers.schema(access.incidentTable().orElse("incident"));
        declared = "insert into " + table + " (incident_id, incident_key, title, business_service, priority, drill, declared_by,"
                + " response_status, detected_at, declared_at, reopen_count, updated_at)"
                + " values (:id, :key, :title, :service, :priority, :drill, :by, 'DECLARED', :detected, :declared, 0, now())"
                + " on conflict (incident_id) do update set incident_key = excluded.incident_key, title = excluded.title,"
                + " business_service = excluded.business_service, drill = excluded.drill, declared_by = excluded.declared_by,"
                + " detected_at = excluded.detected_at, declared_at = excluded.declared_at, updated_at = now()";
        priority = "update " + table + " set priority = :priority, updated_at = now() where incident_id = :id";
        status = "insert into " + table + " (incident_id, incident_key, title, business_service, priority, drill, declared_by,"
                + " response_status, detected_at, declared_at, acknowledged_at, mitigated_at, resolved_at, closed_at, reopen_count, updated_at)"
                + " values (:id, :key, :key, :service, :priority, :drill, :by, :status, :detected, :declared, :acknowledged, :mitigated,"
                + " :resolved, :closed, :reopens, now())"
                + " on conflict (incident_id) do update set response_status = excluded.response_status,"
                + " acknowledged_at = excluded.acknowledged_at, mitigated_at = excluded.mitigated_at, resolved_at = excluded.resolved_at,"
                + " closed_at = excluded.closed_at, reopen_count = excluded.reopen_count, updated_at = now()";
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    /** The declaration: creates the incident, or completes one a lifecycle event created first (its lifecycle kept). */
    public Uni<Void> declared(IncidentDeclared d) {
        return Panache.getSession().chain(s -> s.createNativeQuery(declared)
                .setParameter("id", d.incidentId()).setParameter("key", d.key()).setParameter("title", d.title())
                .setParameter("service", d.businessService()).setParameter("priority", d.priority().name())
                .setParameter("drill", Boolean.TRUE.equals(d.drill())).setParameter("by", d.declaredBy())
                .setParameter("detected", utc(d.detectedAt())).setParameter("declared", utc(d.declaredAt()))
                .executeUpdate()).replaceWithVoid();
    }

    /**
     * Reclassifications and temporary-P1 decisions. The post-mortem's final priority ({@code FINAL}) is history, not
     * the incident's priority. It follows its declaration on the same partition, so an unknown incident is not one.
     */
    public Uni<Void> priorityChanged(PriorityChanged c) {
        if ("FINAL".equals(c.reason())) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(priority).setParameter("id", c.incidentId())
                .setParameter("priority", c.priority().name()).executeUpdate()).replaceWithVoid();
    }

    /**
     * Response's lifecycle: the status and every moment as the response record holds them after the transition (a
     * reopening clears mitigation, resolution and closure). An incident not yet known is created from the event.
     */
    public Uni<Void> statusChanged(ResponseStatusChanged e) {
        return Panache.getSession().chain(s -> s.createNativeQuery(status)
                .setParameter("id", e.incidentId()).setParameter("key", e.incidentKey()).setParameter("service", e.businessService())
                .setParameter("priority", e.priority().name()).setParameter("drill", e.drill()).setParameter("by", e.changedBy())
                .setParameter("status", e.status()).setParameter("detected", utc(e.detectedAt())).setParameter("declared", utc(e.declaredAt()))
                .setParameter("acknowledged", utc(e.acknowledgedAt())).setParameter("mitigated", utc(e.mitigatedAt()))
                .setParameter("resolved", utc(e.resolvedAt())).setParameter("closed", utc(e.closedAt()))
                .setParameter("reopens", e.reopenCount())
                .executeUpdate()).replaceWithVoid();
    }
}
