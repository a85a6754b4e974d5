package io.firebreak.response.persistence.oncall;

import io.firebreak.response.model.oncall.Unavailability;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class UnavailabilityRepository implements PanacheRepositoryBase<Unavailability, UUID> {

    /** Who of {@code people} is marked unavailable at the moment. */
    public Uni<Set<String>> unavailableAt(Collection<String> people, Instant at) {
        if (people.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return find("select distinct u.person from Unavailability u where u.person in ?1 and u.cancelledAt is null"
                + " and u.startsAt <= ?2 and u.endsAt > ?2", people, at).project(String.class).list().map(HashSet::new);
    }

    /** The person's marks that have not ended by {@code after}, withdrawn ones included, soonest first. */
    public Uni<List<Unavailability>> of(String person, Instant after) {
        return list("person = ?1 and endsAt > ?2 order by startsAt, id", person, after);
    }
}
