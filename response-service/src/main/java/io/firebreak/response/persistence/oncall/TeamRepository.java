package io.firebreak.response.persistence.oncall;

import io.firebreak.platform.outbox.OutboxConfig;
import io.firebreak.platform.sql.SessionSql;
import io.firebreak.platform.sql.SqlIdentifiers;
import io.firebreak.response.model.oncall.Team;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
@WithSession
public class TeamRepository implements PanacheRepositoryBase<Team, String> {

    private final String ofPerson;

    public TeamRepository(OutboxConfig config) {
        ofPerson = "select id from " + SqlIdentifiers.schema(config.schema()) + ".team"
                + " where manager = :person or members @> array[cast(:person as text)] order by id";
    }

    /** Teams the person belongs to or manages. */
    public Uni<List<Team>> of(String person) {
        return Panache.getSession().chain(session -> SessionSql.on(session, ofPerson).bind("person", person).entities(Team.class));
    }

    public Uni<List<Team>> all() {
        return list("order by id");
    }
}
