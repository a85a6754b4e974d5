package io.firebreak.response.domain.contact;

import io.firebreak.platform.delivery.WebhookSecrets;
import io.firebreak.response.persistence.contact.ContactMethodRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The signing secret of a webhook contact method, for the delivery worker ({@code contact:<id>}). */
@ApplicationScoped
public class ContactSecrets implements WebhookSecrets {

    private final ContactMethodRepository methods;

    public ContactSecrets(ContactMethodRepository methods) {
        this.methods = methods;
    }

    @Override
    @WithSession
    public Uni<List<String>> secrets(String signingRef) {
        if (signingRef == null || !signingRef.startsWith("contact:")) {
            return Uni.createFrom().item(List.of());
        }
        UUID id;
        try {
            id = UUID.fromString(signingRef.substring("contact:".length()));
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(List.of());
        }
        return methods.findById(id).map(m -> m == null || m.signingSecret == null ? List.of() : List.of(m.signingSecret));
    }
}
