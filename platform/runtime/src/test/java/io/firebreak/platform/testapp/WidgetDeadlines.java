package io.firebreak.platform.testapp;

import io.firebreak.platform.deadline.Deadline;
import io.firebreak.platform.deadline.DeadlineHandler;
import io.firebreak.platform.deadline.Deadlines;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/** Deadline kinds of the test application and the transactions that schedule them. */
public final class WidgetDeadlines {

    public static final String EXPIRY = "testapp.widget-expiry";
    public static final String FLAKY = "testapp.flaky";
    public static final String HANGING = "testapp.hanging";
    public static final String RECURRING = "testapp.recurring";

    private WidgetDeadlines() {
    }

    static Uni<Void> effect(Deadline d) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "insert into platform_test.widget_deadline_effect (subject, kind, attempt) values (:subject, :kind, :attempt)")
                .setParameter("subject", d.subject()).setParameter("kind", d.kind()).setParameter("attempt", d.attempts() + 1)
                .executeUpdate()).replaceWithVoid();
    }

    /** Schedules, moves and cancels deadlines in a transaction of its own, optionally failing after. */
    @ApplicationScoped
    public static class Scheduler {

        private final Deadlines deadlines;

        public Scheduler(Deadlines deadlines) {
            this.deadlines = deadlines;
        }

        @WithTransaction
        public Uni<Void> schedule(String kind, String subject, Instant due, Map<String, Object> payload, boolean failAfter) {
            return deadlines.schedule(kind, subject, due, payload)
                    .chain(() -> failAfter ? Uni.createFrom().failure(new IllegalStateException("rolled back on purpose"))
                            : Uni.createFrom().voidItem());
        }

        /** Schedules the batch built by {@code fill} in one statement. */
        @WithTransaction
        public Uni<Void> scheduleAll(java.util.function.Consumer<Deadlines.Batch> fill) {
            Deadlines.Batch batch = deadlines.batch();
            fill.accept(batch);
            return deadlines.schedule(batch);
        }

        @WithTransaction
        public Uni<Boolean> cancel(String kind, String subject) {
            return deadlines.cancel(kind, subject);
        }

        @WithTransaction
        public Uni<Integer> cancelAll(String kind, String prefix) {
            return deadlines.cancelAll(kind, prefix);
        }

        @WithTransaction
        public Uni<Instant> pendingDueAt(String kind, String subject) {
            return deadlines.pendingDueAt(kind, subject);
        }
    }

    /** Records its effect. */
    @ApplicationScoped
    public static class Expiry implements DeadlineHandler {

        @Override
        public String kind() {
            return EXPIRY;
        }

        @Override
        public Uni<Void> fire(Deadline deadline) {
            return effect(deadline);
        }
    }

    /** Records its effect and schedules itself again, ten minutes after it was due (an escalation's next window). */
    @ApplicationScoped
    public static class Recurring implements DeadlineHandler {

        private final Deadlines deadlines;

        public Recurring(Deadlines deadlines) {
            this.deadlines = deadlines;
        }

        @Override
        public String kind() {
            return RECURRING;
        }

        @Override
        public Uni<Void> fire(Deadline deadline) {
            return effect(deadline).chain(() -> deadlines.schedule(RECURRING, deadline.subject(),
                    deadline.dueAt().plus(java.time.Duration.ofMinutes(10)), null));
        }
    }

    /** Records its effect, then fails while fewer than {@code failTimes} firings failed before (the effect rolls back). */
    @ApplicationScoped
    public static class Flaky implements DeadlineHandler {

        @Override
        public String kind() {
            return FLAKY;
        }

        @Override
        public Uni<Void> fire(Deadline deadline) {
            int failTimes = Integer.parseInt(deadline.payload().replaceAll("\\D+", ""));
            return effect(deadline).chain(() -> deadline.attempts() < failTimes
                    ? Uni.createFrom().failure(new IllegalStateException("flaky failure " + (deadline.attempts() + 1)))
                    : Uni.createFrom().voidItem());
        }
    }

    /** Records its effect, then waits (transaction open) until the test releases it. */
    @ApplicationScoped
    public static class Hanging implements DeadlineHandler {

        // Fields, not public: the test holds a client proxy, which reaches the bean only through methods.
        private final AtomicReference<CompletableFuture<Void>> release = new AtomicReference<>(CompletableFuture.completedFuture(null));
        private final AtomicReference<CompletableFuture<Void>> entered = new AtomicReference<>(new CompletableFuture<>());

        /** The next firing waits for {@code until}; answers a future completed when it started waiting. */
        public CompletableFuture<Void> hold(CompletableFuture<Void> until) {
            release.set(until);
            CompletableFuture<Void> started = new CompletableFuture<>();
            entered.set(started);
            return started;
        }

        @Override
        public String kind() {
            return HANGING;
        }

        @Override
        public Uni<Void> fire(Deadline deadline) {
            return effect(deadline).chain(() -> {
                io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
                entered.get().complete(null);
                return Uni.createFrom().completionStage(release.get())
                        .emitOn(task -> context.runOnContext(ignored -> task.run()));
            });
        }
    }
}
