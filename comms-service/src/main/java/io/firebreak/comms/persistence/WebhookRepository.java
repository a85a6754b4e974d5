package io.firebreak.comms.persistence;

import io.firebreak.comms.model.WebhookSubscription;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class WebhookRepository implements PanacheRepositoryBase<WebhookSubscription, UUID> {

    /** Subscriptions not disabled, oldest first. */
    public Uni<List<WebhookSubscription>> active() {
        return list("disabledAt is null order by createdAt, id");
    }
}
