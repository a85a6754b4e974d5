package io.firebreak.response.persistence;

import io.firebreak.response.model.ResponseTransition;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class ResponseTransitionRepository implements PanacheRepositoryBase<ResponseTransition, UUID> {

    /** An incident's transitions, oldest first. */
    public Uni<List<ResponseTransition>> of(UUID incidentId) {
        return list("incidentId = ?1 order by seq", incidentId);
    }

    /** How many transitions the incident has had (the next one's seq is this plus one); call with its record locked. */
    public Uni<Long> countOf(UUID incidentId) {
        return count("incidentId", incidentId);
    }
}
