package io.firebreak.classification.domain.intake;

import io.firebreak.classification.model.intake.AlertGroup;
import io.firebreak.classification.persistence.AlertGroupRepository;
import io.firebreak.platform.api.Page;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Reads alert groups a page at a time: newest first, keyset on (first signal, id) so pages never shift. */
@ApplicationScoped
public class AlertGroups {

    private final AlertGroupRepository groups;

    public AlertGroups(AlertGroupRepository groups) {
        this.groups = groups;
    }

    @WithSession
    public Uni<Page<AlertGroup>> page(String service, String dedupKey, String after, int limit) {
        Cursor cursor = Cursor.decode(after);
        return groups.page(service, dedupKey, cursor == null ? null : cursor.at(), cursor == null ? null : cursor.id(), limit + 1)
                .map(found -> Page.of(found, limit, g -> new Cursor(g.firstSignalAt, g.id).encode()));
    }

    /** Opaque to clients: the last row's first-signal time and id. */
    record Cursor(Instant at, UUID id) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "," + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(",", 2);
                return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw ProblemException.invalid(List.of(new Violation("after", "is not a cursor of this list")));
            }
        }
    }
}
