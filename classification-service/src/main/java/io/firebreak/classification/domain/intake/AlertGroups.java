package io.firebreak.classification.domain.intake;

import io.firebreak.classification.model.intake.AlertGroup;
import io.firebreak.classification.persistence.AlertGroupRepository;
import io.firebreak.platform.api.KeysetCursor;
import io.firebreak.platform.api.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads alert groups a page at a time: newest first, keyset on (first signal, id) so pages never shift. */
@ApplicationScoped
public class AlertGroups {

    private final AlertGroupRepository groups;

    public AlertGroups(AlertGroupRepository groups) {
        this.groups = groups;
    }

    @WithSession
    public Uni<Page<AlertGroup>> page(String service, String dedupKey, String after, int limit) {
        KeysetCursor cursor = KeysetCursor.decode(after);
        return groups.page(service, dedupKey, cursor == null ? null : cursor.at(), cursor == null ? null : cursor.id(), limit + 1)
                .map(found -> Page.of(found, limit, g -> new KeysetCursor(g.firstSignalAt, g.id).encode()));
    }
}
