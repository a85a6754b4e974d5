package io.firebreak.response.persistence.oncall;

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

    /** Teams the person belongs to or manages. */
    public Uni<List<Team>> of(String person) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select * from {h-schema}team where manager = :person or members @> array[cast(:person as text)] order by id", Team.class)
                .setParameter("person", person).getResultList());
    }

    public Uni<List<Team>> all() {
        return list("order by id");
    }
}
