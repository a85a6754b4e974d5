package io.firebreak.testing.queries.good;

import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

/** An update through an untyped native query and an HQL select: both allowed. */
public class UntypedNativeUpdate {

    public Uni<Integer> touch(Mutiny.Session session) {
        return session.createNativeQuery("update thing set touched = now()").executeUpdate();
    }

    public Uni<Long> count(Mutiny.Session session) {
        return session.createSelectionQuery("select count(*) from Thing", Long.class).getSingleResult();
    }
}
