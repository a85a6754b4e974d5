package io.firebreak.comms.domain.webhooks;

import io.firebreak.comms.persistence.WebhookRepository;
import io.firebreak.platform.delivery.WebhookSecrets;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The signing secret of a webhook subscription, for the delivery worker ({@code subscription:<id>}). */
@ApplicationScoped
public class SubscriptionSecrets implements WebhookSecrets {

    private final WebhookRepository subscriptions;

    public SubscriptionSecrets(WebhookRepository subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    @WithSession
    public Uni<List<String>> secrets(String signingRef) {
        if (signingRef == null || !signingRef.startsWith(Webhooks.SIGNING_PREFIX)) {
            return Uni.createFrom().item(List.of());
        }
        UUID id;
        try {
            id = UUID.fromString(signingRef.substring(Webhooks.SIGNING_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(List.of());
        }
        return subscriptions.findById(id).map(s -> s == null ? List.of() : List.of(s.secret));
    }
}
