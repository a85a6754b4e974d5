package io.firebreak.classification.persistence;

import io.firebreak.classification.model.Incident;
import io.firebreak.classification.model.IncidentFilter;
import io.firebreak.classification.model.IncidentMatches;
import io.firebreak.platform.sql.SessionSql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class IncidentRepository implements PanacheRepositoryBase<Incident, UUID> {

    /** See {@code IncidentQueries#openAutoDeclared}. */
    public Uni<Incident> openAutoDeclared(String service, java.time.Instant since) {
        return find("from Incident i where i.businessService = ?1 and i.alertGroupId is not null and i.declaredAt >= ?2"
                        + " and exists (select 1 from AlertGroup g where g.incidentId = i.id and g.status <> ?3)"
                        + " order by i.declaredAt desc",
                service, since, io.firebreak.classification.model.intake.AlertGroup.Status.RESOLVED).firstResult();
    }

    public Uni<Incident> findByKey(String key) {
        return find("key", key).firstResult();
    }

    /**
     * One page of incidents matching the filter, newest first, and the total count, both read from one snapshot: under
     * READ COMMITTED each statement sees its own moment, and a declaration committed between them gave a total that
     * counted an incident the page had left out (a poller saw "total 1" with no item).
     */
    public Uni<IncidentMatches> search(IncidentFilter filter, int page, int size) {
        List<String> clauses = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.priority() != null) {
            clauses.add("priority = :priority");
            params.and("priority", filter.priority());
        }
        if (filter.businessService() != null) {
            clauses.add("businessService = :service");
            params.and("service", filter.businessService());
        }
        if (filter.declaredFrom() != null) {
            clauses.add("declaredAt >= :from");
            params.and("from", filter.declaredFrom());
        }
        if (filter.declaredTo() != null) {
            clauses.add("declaredAt < :to");
            params.and("to", filter.declaredTo());
        }
        String where = String.join(" and ", clauses);
        Sort order = Sort.descending("declaredAt").and("key", Sort.Direction.Descending);
        var query = where.isEmpty() ? findAll(order) : find(where, order, params);
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> SessionSql.on(session, "set transaction isolation level repeatable read, read only").update())
                .chain(() -> query.page(page, size).list())
                .chain(items -> query.count().map(total -> new IncidentMatches(items, total))));
    }

    /** How many incidents name the service. */
    public Uni<Long> countOf(String businessService) {
        return count("businessService", businessService);
    }

    /** How many incidents were declared in [from, to). */
    public Uni<Long> countDeclaredBetween(java.time.Instant from, java.time.Instant to) {
        return count("declaredAt >= ?1 and declaredAt < ?2", from, to);
    }

    /** Up to {@code count} incidents declared in [from, to) after {@code after} (keyset: declaration time, id). */
    public Uni<List<Incident>> declaredBetween(java.time.Instant from, java.time.Instant to, Incident after, int count) {
        return after == null
                ? find("declaredAt >= ?1 and declaredAt < ?2 order by declaredAt, id", from, to).page(0, count).list()
                : find("declaredAt >= ?1 and declaredAt < ?2 and (declaredAt > ?3 or (declaredAt = ?3 and id > ?4))"
                        + " order by declaredAt, id", from, to, after.declaredAt, after.id).page(0, count).list();
    }
}
