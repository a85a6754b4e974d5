package io.firebreak.response.persistence.triage;

import io.firebreak.response.model.triage.TriageEntry;
import io.firebreak.response.model.triage.TriageRevision;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class TriageRepository implements PanacheRepositoryBase<TriageEntry, UUID> {

    public Uni<List<TriageEntry>> of(UUID incidentId) {
        return list("incidentId = ?1 order by recordedAt, id", incidentId);
    }

    public Uni<List<TriageRevision>> revisions(UUID entryId) {
        return Panache.getSession().chain(s -> s.createQuery("from TriageRevision where entryId = ?1 order by revision", TriageRevision.class)
                .setParameter(1, entryId).getResultList());
    }

    public Uni<TriageRevision> persistRevision(TriageRevision revision) {
        return Panache.getSession().chain(s -> s.persist(revision)).replaceWith(revision);
    }
}
