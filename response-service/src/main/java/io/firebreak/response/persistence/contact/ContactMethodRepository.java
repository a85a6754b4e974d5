package io.firebreak.response.persistence.contact;

import io.firebreak.response.model.oncall.ContactMethod;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class ContactMethodRepository implements PanacheRepositoryBase<ContactMethod, UUID> {

    public Uni<List<ContactMethod>> of(String person) {
        return list("person = ?1 order by createdAt, id", person);
    }

    public Uni<List<ContactMethod>> verifiedOf(Collection<String> people) {
        return people.isEmpty() ? Uni.createFrom().item(List.of())
                : list("person in ?1 and verifiedAt is not null order by person, createdAt, id", people);
    }
}
