package io.firebreak.classification.persistence;

import io.firebreak.platform.sql.SessionSql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Per-year incident sequence. The upsert takes the year's row lock, so concurrent declarations get
 * distinct numbers and a rolled-back declaration gives its number back.
 */
@ApplicationScoped
public class IncidentKeyCounter {

    private static final String NEXT = "insert into classification.incident_key_counter as c (year, last_value) values (:year, 1)"
            + " on conflict (year) do update set last_value = c.last_value + 1 returning c.last_value";

    /** Must run inside the declaring transaction. */
    public Uni<Long> next(int year) {
        return Panache.getSession().chain(session -> SessionSql.on(session, NEXT)
                .bind("year", year)
                .count());
    }
}
