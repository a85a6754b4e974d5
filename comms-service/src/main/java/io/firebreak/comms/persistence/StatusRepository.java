package io.firebreak.comms.persistence;

import io.firebreak.comms.model.StakeholderMessage;
import io.firebreak.comms.model.StatusVersion;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class StatusRepository implements PanacheRepositoryBase<StatusVersion, UUID> {

    /** Every version of the incident's status, newest first. */
    public Uni<List<StatusVersion>> versions(UUID incidentId) {
        return list("incidentId = ?1 order by version desc", incidentId);
    }

    /** The current version (the newest), or null before the first. */
    public Uni<StatusVersion> current(UUID incidentId) {
        return find("incidentId = ?1 order by version desc", incidentId).firstResult();
    }

    public Uni<List<StakeholderMessage>> messages(UUID incidentId) {
        return Panache.getSession().chain(s -> s.createQuery("from StakeholderMessage where incidentId = ?1 order by draftedAt, id",
                StakeholderMessage.class).setParameter(1, incidentId).getResultList());
    }

    public Uni<StakeholderMessage> message(UUID id) {
        return Panache.getSession().chain(s -> s.find(StakeholderMessage.class, id));
    }

    public Uni<StakeholderMessage> persistMessage(StakeholderMessage message) {
        return Panache.getSession().chain(s -> s.persist(message)).replaceWith(message);
    }
}
