package io.firebreak.response.persistence;

import io.firebreak.response.model.ResponseRecord;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class ResponseRecordRepository implements PanacheRepositoryBase<ResponseRecord, UUID> {
}
