package io.firebreak.response.persistence;

import io.firebreak.response.model.ResponseRecord;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class ResponseRecordRepository implements PanacheRepositoryBase<ResponseRecord, UUID> {

    /** The record locked until the transaction ends: lifecycle transitions of one incident queue on it. */
    public Uni<ResponseRecord> locked(UUID incidentId) {
        return findById(incidentId, LockModeType.PESSIMISTIC_WRITE);
    }
}
