package io.firebreak.response.persistence.contact;

import io.firebreak.response.model.oncall.NotificationRules;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
@WithSession
public class NotificationRulesRepository implements PanacheRepositoryBase<NotificationRules, NotificationRules.Key> {

    public Uni<List<NotificationRules>> of(Collection<String> people, String urgency) {
        return people.isEmpty() ? Uni.createFrom().item(List.of()) : list("person in ?1 and urgency = ?2", people, urgency);
    }

    public Uni<List<NotificationRules>> of(String person) {
        return list("person = ?1 order by urgency", person);
    }
}
