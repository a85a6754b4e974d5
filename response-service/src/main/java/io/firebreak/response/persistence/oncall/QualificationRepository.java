package io.firebreak.response.persistence.oncall;

import io.firebreak.response.model.oncall.Qualification;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class QualificationRepository implements PanacheRepositoryBase<Qualification, UUID> {

    public Uni<List<Qualification>> ofPeople(Collection<String> people) {
        return people.isEmpty() ? Uni.createFrom().item(List.of()) : list("person in ?1 order by validFrom", people);
    }
}
