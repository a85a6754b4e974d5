package io.firebreak.response.persistence.drill;

import io.firebreak.response.model.drill.Drill;
import io.firebreak.response.model.drill.ReadinessRecord;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class DrillRepository implements PanacheRepositoryBase<Drill, UUID> {

    /** The drill's readiness records, by role then person. */
    public Uni<List<ReadinessRecord>> recordsOf(UUID incidentId) {
        return Panache.getSession().chain(s -> s.createQuery("from ReadinessRecord where incidentId = ?1 order by role, person",
                ReadinessRecord.class).setParameter(1, incidentId).getResultList());
    }

    /** A person's readiness records, newest drill first. */
    public Uni<List<ReadinessRecord>> recordsOfPerson(String person) {
        return Panache.getSession().chain(s -> s.createQuery("from ReadinessRecord where person = ?1 order by drilledAt desc, role",
                ReadinessRecord.class).setParameter(1, person).getResultList());
    }

    /** When each of these people last took part in a drill, per role: rows of (person, role, last drilled). */
    public Uni<List<Object[]>> lastDrills(Collection<String> people) {
        return Panache.getSession().chain(s -> s.createQuery("select person, role, max(drilledAt) from ReadinessRecord"
                        + " where tookPart = true and person in ?1 group by person, role", Object[].class)
                .setParameter(1, people).getResultList());
    }

    /** Writes the record of (drill, person, role), replacing one from an earlier resolution of the same drill. */
    public Uni<ReadinessRecord> upsert(ReadinessRecord r) {
        return Panache.getSession().chain(s -> s.createQuery("from ReadinessRecord where incidentId = ?1 and person = ?2 and role = ?3",
                        ReadinessRecord.class).setParameter(1, r.incidentId).setParameter(2, r.person).setParameter(3, r.role)
                .getSingleResultOrNull().chain(existing -> {
                    if (existing == null) {
                        return s.persist(r).replaceWith(r);
                    }
                    existing.drilledAt = r.drilledAt;
                    existing.tookPart = r.tookPart;
                    existing.secondsToAcknowledge = r.secondsToAcknowledge;
                    existing.secondsToAccept = r.secondsToAccept;
                    existing.checklistDone = r.checklistDone;
                    existing.checklistTotal = r.checklistTotal;
                    existing.handoversOffered = r.handoversOffered;
                    existing.handoversAcknowledged = r.handoversAcknowledged;
                    existing.recordedAt = r.recordedAt;
                    return Uni.createFrom().item(existing);
                }));
    }

    public Uni<Drill> persistDrill(Drill drill) {
        return persist(drill);
    }
}
