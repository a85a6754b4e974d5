package io.firebreak.classification.persistence;

import io.firebreak.classification.domain.intake.SignalRecord;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class SignalRepository implements PanacheRepositoryBase<SignalRecord, java.util.UUID> {
}
