package io.firebreak.comms.domain.webhooks;

import io.firebreak.comms.domain.stakeholders.Stakeholders;
import io.firebreak.comms.persistence.WebhookRepository;
import io.firebreak.platform.delivery.WebhookSecrets;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The signing secret of a webhook subscription ({@code subscription:<id>}) or a stakeholder group's webhooks ({@code group:<id>}), for the delivery worker. */
@ApplicationScoped
public class SubscriptionSecrets implements WebhookSecrets {

    private final WebhookRepository subscriptions;
    private final Stakeholders groups;

    public SubscriptionSecrets(WebhookRepository subscriptions, Stakeholders groups) {
        this.subscriptions = subscriptions;
        this.groups = groups;
    }

    @Override
    @WithSession
    public Uni<List<String>> secrets(String signingRef) {
        if (signingRef != null && signingRef.startsWith(Stakeholders.SIGNING_PREFIX)) {
            UUID group = parse(signingRef.substring(Stakeholders.SIGNING_PREFIX.length()));
            return group == null ? Uni.createFrom().item(List.of()) : groups.secret(group);
        }
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

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
