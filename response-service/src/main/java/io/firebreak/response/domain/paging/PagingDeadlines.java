package io.firebreak.response.domain.paging;

import io.firebreak.platform.deadline.Deadline;
import io.firebreak.platform.deadline.DeadlineHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The durable timers of paging: escalation windows, a P1's roles, delayed notification steps, repeats and the start of unavailability. */
public final class PagingDeadlines {

    private PagingDeadlines() {
    }

    /** A level's window ended (subject {@code <incident>/<escalation>}). */
    @ApplicationScoped
    public static class EscalationWindow implements DeadlineHandler {

        private final Paging paging;

        public EscalationWindow(Paging paging) {
            this.paging = paging;
        }

        @Override
        public String kind() {
            return Paging.ESCALATION;
        }

        @Override
        public Uni<Void> fire(Deadline deadline) {
            String[] parts = deadline.subject().split("/");
            return paging.windowPassed(UUID.fromString(parts[0]), UUID.fromString(parts[1]));
        }
    }

    /** A declared P1's roles were not paged right after its commit (subject: the incident). */
    @ApplicationScoped
    public static class P1Roles implements DeadlineHandler {

        private final Paging paging;

        public P1Roles(Paging paging) {
            this.paging = paging;
        }

        @Override
        public String kind() {
            return Paging.ROLES;
        }

        @Override
        public Uni<Void> fire(Deadline deadline) {
            return paging.rolesDue(UUID.fromString(deadline.subject())).replaceWithVoid();
        }
    }

    /** A later step of a person's notification rules came due. */
    @ApplicationScoped
    public static class Step implements DeadlineHandler {

        private final PageNotifier notifier;

        public Step(PageNotifier notifier) {
            this.notifier = notifier;
        }

        @Override
        public String kind() {
            return PageNotifier.STEP;
        }

        @Override
        public Uni<Void> fire(Deadline deadline) {
            return notifier.stepDue(deadline.subject());
        }
    }

    /** The person's rules run again while their page is unacknowledged. */
    @ApplicationScoped
    public static class Repeat implements DeadlineHandler {

        private final PageNotifier notifier;

        public Repeat(PageNotifier notifier) {
            this.notifier = notifier;
        }

        @Override
        public String kind() {
            return PageNotifier.REPEAT;
        }

        @Override
        public Uni<Void> fire(Deadline deadline) {
            return notifier.repeatDue(deadline.subject());
        }
    }

    /** A mark of unavailability began: the person's open pages pass on to the succession. */
    @ApplicationScoped
    public static class UnavailableFrom implements DeadlineHandler {

        private final Unavailabilities unavailabilities;

        public UnavailableFrom(Unavailabilities unavailabilities) {
            this.unavailabilities = unavailabilities;
        }

        @Override
        public String kind() {
            return Unavailabilities.STARTS;
        }

        @Override
        public Uni<Void> fire(Deadline deadline) {
            return unavailabilities.started(UUID.fromString(deadline.subject()));
        }
    }
}
