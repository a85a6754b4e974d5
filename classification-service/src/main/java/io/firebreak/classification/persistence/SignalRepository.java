package io.firebreak.classification.persistence;

import io.firebreak.classification.model.intake.SignalRecord;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

@ApplicationScoped
@WithSession
public class SignalRepository implements PanacheRepositoryBase<SignalRecord, java.util.UUID> {

    /** Removes up to {@code batch} raw signals received before {@code before}; answers how many. */
    public Uni<Integer> purgeReceivedBefore(OffsetDateTime before, int batch) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "delete from classification.signal where id in (select id from classification.signal"
                                + " where received_at < :before limit " + batch + ")")
                .setParameter("before", before).executeUpdate());
    }
}
