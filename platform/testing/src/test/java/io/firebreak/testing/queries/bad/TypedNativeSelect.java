package io.firebreak.testing.queries.bad;

import io.smallrye.mutiny.Uni;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/** A select through a typed native query: the rule names it. */
public class TypedNativeSelect {

    public Uni<List<Long>> counts(Mutiny.Session session) {
        return session.createNativeQuery("select count(*) from thing", Long.class).getResultList();
    }
}
