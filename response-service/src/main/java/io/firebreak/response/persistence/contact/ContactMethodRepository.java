package io.firebreak.response.persistence.contact;

import io.firebreak.response.model.oncall.ContactMethod;
import io.firebreak.response.model.oncall.NotificationRules;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class ContactMethodRepository implements PanacheRepositoryBase<ContactMethod, UUID> {

    public Uni<List<ContactMethod>> of(String person) {
        return list("person = ?1 order by createdAt, id", person);
    }

    /**
     * A person's verified methods with their rules for the urgency, in one statement (a page's plan is on the path to the
     * first page). Rules without a verified method are not read: nothing could be sent by them.
     */
    public Uni<ContactPlan> planOf(String person, String urgency) {
        return Panache.getSession().chain(s -> s.createQuery("select m, r from ContactMethod m left join NotificationRules r"
                        + " on r.person = m.person and r.urgency = ?2 where m.person = ?1 and m.verifiedAt is not null"
                        + " order by m.createdAt, m.id", Object[].class)
                .setParameter(1, person).setParameter(2, urgency).getResultList())
                .map(rows -> {
                    List<ContactMethod> verified = new ArrayList<>(rows.size());
                    NotificationRules rules = null;
                    for (Object[] row : rows) {
                        verified.add((ContactMethod) row[0]);
                        rules = row[1] == null ? rules : (NotificationRules) row[1];
                    }
                    return new ContactPlan(verified, rules);
                });
    }

    public Uni<List<ContactMethod>> verifiedOf(Collection<String> people) {
        return people.isEmpty() ? Uni.createFrom().item(List.of())
                : list("person in ?1 and verifiedAt is not null order by person, createdAt, id", people);
    }
}
