package io.firebreak.response.persistence.oncall;

import io.firebreak.response.model.oncall.OverrideEntry;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class OverrideRepository implements PanacheRepositoryBase<OverrideEntry, UUID> {

    /** The schedules the person covers by override within [from, to). */
    public Uni<List<UUID>> schedulesCoveredBy(String person, Instant from, Instant to) {
        return find("select distinct o.scheduleId from OverrideEntry o where o.person = ?1 and o.startsAt < ?3 and o.endsAt > ?2",
                person, from, to).project(UUID.class).list();
    }

    /** Every override still running at or after the moment, oldest first (a later one wins). */
    public Uni<List<OverrideEntry>> endingAfter(Instant at) {
        return list("endsAt > ?1 order by createdAt, id", at);
    }

    /** Every override covering the moment, oldest first. */
    public Uni<List<OverrideEntry>> covering(Instant at) {
        return list("endsAt > ?1 and startsAt <= ?1 order by createdAt, id", at);
    }

    /** Overrides of the schedules overlapping [from, to), oldest first (a later one wins). */
    public Uni<List<OverrideEntry>> overlapping(Collection<UUID> schedules, Instant from, Instant to) {
        if (schedules.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("scheduleId in ?1 and startsAt < ?3 and endsAt > ?2 order by createdAt, id", schedules, from, to);
    }
}
