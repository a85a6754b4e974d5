package io.firebreak.platform.testapp;

import io.firebreak.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class WidgetService {

    private final Outbox outbox;
    private final io.firebreak.platform.access.IncidentAccess access;

    public WidgetService(Outbox outbox, io.firebreak.platform.access.IncidentAccess access) {
        this.outbox = outbox;
        this.access = access;
    }

    /** Restricts (or lifts the restriction of) the subject, then records a widget event about it in the same transaction. */
    @WithTransaction
    public Uni<UUID> createAfterRestriction(UUID subject, String name, boolean restricted) {
        Uni<Boolean> change = restricted ? access.restrict(subject, "tester", "security case", java.time.Instant.now())
                : access.lift(subject);
        return change.chain(() -> create(subject.toString(), name, 0, false));
    }

    /** Stores a widget and records its event under {@code key}; fails after both when asked to, rolling both back. */
    @WithTransaction
    public Uni<UUID> create(String key, String name, int failTimes, boolean failAfterRecording) {
        Widget widget = new Widget();
        widget.id = UUID.randomUUID();
        widget.name = name;
        return Panache.getSession().chain(s -> s.persist(widget))
                .chain(() -> outbox.record(WidgetCreated.TYPE, key, new WidgetCreated(widget.id, name, failTimes)))
                .chain(eventId -> failAfterRecording
                        ? Uni.createFrom().failure(new IllegalStateException("business rule failed after recording"))
                        : Uni.createFrom().item(eventId));
    }

    /** Stores a widget and records its event under {@code key} to be published at the commit (Outbox#recordPublishedAtCommit). */
    @WithTransaction
    public Uni<UUID> createPublishedAtCommit(String key, String name) {
        Widget widget = new Widget();
        widget.id = UUID.randomUUID();
        widget.name = name;
        return Panache.getSession().chain(s -> s.persist(widget))
                .chain(() -> outbox.recordPublishedAtCommit(WidgetCreated.TYPE, key, new WidgetCreated(widget.id, name, 0)));
    }

    /** Like {@link #create}, but the transaction stays open (uncommitted) until {@code release} completes. */
    @WithTransaction
    public Uni<UUID> createHolding(String key, String name, java.util.concurrent.CompletionStage<Void> release) {
        Widget widget = new Widget();
        widget.id = UUID.randomUUID();
        widget.name = name;
        return Panache.getSession().chain(s -> s.persist(widget))
                .chain(() -> outbox.record(WidgetCreated.TYPE, key, new WidgetCreated(widget.id, name, 0)))
                .chain(eventId -> {
                    // Back on this transaction's Vert.x context when released: the session lives there.
                    io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
                    return Uni.createFrom().completionStage(release)
                            .emitOn(task -> context.runOnContext(ignored -> task.run()))
                            .replaceWith(eventId);
                });
    }
}
