package io.firebreak.review.domain.architecture;

import io.firebreak.events.ArchitectureReviewEvent;
import io.firebreak.events.EventTypes;
import io.firebreak.events.RecurrenceThresholdBreached;
import io.firebreak.events.RecurrenceThresholdBreached.RecurringIncident;
import io.firebreak.platform.access.IncidentAccess;
import io.firebreak.platform.deadline.Deadline;
import io.firebreak.platform.deadline.DeadlineHandler;
import io.firebreak.platform.deadline.Deadlines;
import io.firebreak.platform.delivery.Reminders;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.problem.FreeText;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actor;
import io.firebreak.review.config.ReviewConfig;
import io.firebreak.review.model.ArchitectureReview;
import io.firebreak.review.model.Team;
import io.firebreak.review.persistence.ReviewRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Architectural reviews of repeat failures. When metrics publishes that incidents on one service keep sharing an alert
 * fingerprint or a contributing factor, review opens a review linked to them, owned by the manager of the service's
 * owning team (else the service's first owner), due after {@code firebreak.review.architecture-review-due}. While it
 * is open, further triggers for the same service and cause link their incidents to it instead of opening another.
 * Past its due date an open review is published overdue and its owner reminded; the owner (or an admin) completes it
 * with the decisions taken.
 */
@ApplicationScoped
public class ArchitectureReviews {

    public static final String DUE_DEADLINE = "review.architecture-review-due";
    static final String SYSTEM = "firebreak";
    static final String UNASSIGNED = "unassigned";

    private final ReviewRepository repository;
    private final Outbox outbox;
    private final Deadlines deadlines;
    private final Reminders reminders;
    private final IncidentAccess access;
    private final ReviewConfig config;
    private final Clock clock;

    public ArchitectureReviews(ReviewRepository repository, Outbox outbox, Deadlines deadlines, Reminders reminders, IncidentAccess access,
                               ReviewConfig config, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.deadlines = deadlines;
        this.reminders = reminders;
        this.access = access;
        this.config = config;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Uni<Void> publish(String type, ArchitectureReview r, String by, Instant at) {
        return outbox.record(type, r.service, new ArchitectureReviewEvent(r.id, r.service, r.owningTeam, r.basis, r.basisValue, r.state, r.owner,
                r.dueAt, r.incidents.stream().map(RecurringIncident::incidentId).toList(), by, at, r.outcome)).replaceWithVoid();
    }

    /** A recurrence trigger (in the consumer's transaction): opens the review, or links new incidents to the open one. */
    public Uni<Void> triggered(RecurrenceThresholdBreached t) {
        return repository.lockedOpenReview(t.service(), t.basis(), t.basisValue()).chain(open -> {
            if (open != null) {
                Set<UUID> known = open.incidents.stream().map(RecurringIncident::incidentId).collect(Collectors.toSet());
                List<RecurringIncident> merged = new ArrayList<>(open.incidents);
                t.incidents().stream().filter(i -> !known.contains(i.incidentId())).forEach(merged::add);
                merged.sort(Comparator.comparing(RecurringIncident::declaredAt));
                open.incidents = merged;
                return Uni.createFrom().voidItem();
            }
            return repository.service(t.service()).chain(service -> {
                String team = t.owningTeam() != null ? t.owningTeam() : service == null ? null : service.owningTeam;
                Uni<List<Team>> teams = team == null ? Uni.createFrom().item(List.of()) : repository.teamsNamed(team);
                return teams.chain(found -> {
                    Instant now = now();
                    ArchitectureReview r = new ArchitectureReview();
                    r.id = UUID.randomUUID();
                    r.service = t.service();
                    r.owningTeam = team;
                    r.basis = t.basis();
                    r.basisValue = t.basisValue();
                    r.state = "OPEN";
                    r.owner = found.stream().map(x -> x.manager).findFirst()
                            .orElse(service != null && service.owners != null && !service.owners.isEmpty() ? service.owners.get(0) : UNASSIGNED);
                    r.dueAt = now.plus(config.architectureReviewDue());
                    r.incidents = t.incidents().stream().sorted(Comparator.comparing(RecurringIncident::declaredAt)).toList();
                    r.windowDays = t.windowDays();
                    r.threshold = t.threshold();
                    r.openedAt = now;
                    return repository.persist(r)
                            .call(() -> deadlines.schedule(DUE_DEADLINE, r.id.toString(), r.dueAt, null))
                            .call(() -> publish(EventTypes.ARCHITECTURE_REVIEW_OPENED, r, SYSTEM, now)).replaceWithVoid();
                });
            });
        });
    }

    /** A review as a caller sees it: incidents of restricted war rooms they are not in are counted, not named. */
    public record Seen(ArchitectureReview review, List<RecurringIncident> incidents, int hiddenIncidents) {
    }

    private Uni<Seen> seen(ArchitectureReview r, Actor actor) {
        if (IncidentAccess.seesEverything(actor)) {
            return Uni.createFrom().item(new Seen(r, r.incidents, 0));
        }
        Uni<List<RecurringIncident>> visible = Uni.createFrom().item(new ArrayList<>());
        for (RecurringIncident i : r.incidents) {
            visible = visible.chain(list -> access.sight(i.incidentId(), actor.user()).map(s -> {
                if (!s.restricted() || s.member()) {
                    list.add(i);
                }
                return list;
            }));
        }
        return visible.map(list -> new Seen(r, list, r.incidents.size() - list.size()));
    }

    @WithSession
    public Uni<List<Seen>> list(String service, String state, Actor actor) {
        if (state != null && !Set.of("OPEN", "COMPLETED").contains(state)) {
            return Uni.createFrom().failure(ProblemException.invalid(List.of(new Violation("state", "must be OPEN or COMPLETED"))));
        }
        return repository.architectureReviews(service, state, 200).chain(reviews -> {
            Uni<List<Seen>> all = Uni.createFrom().item(new ArrayList<>());
            for (ArchitectureReview r : reviews) {
                all = all.chain(list -> seen(r, actor).map(s -> {
                    list.add(s);
                    return list;
                }));
            }
            return all;
        });
    }

    @WithSession
    public Uni<Seen> one(UUID id, Actor actor) {
        return repository.architectureReview(id, false).chain(r -> r == null
                ? Uni.createFrom().failure(ProblemException.notFound("Architectural review", id)) : seen(r, actor));
    }

    /** The owner or an admin completes the review with its outcome: the decisions on design, capacity or ownership. */
    @WithTransaction
    public Uni<Seen> complete(UUID id, String outcome, Actor actor) {
        return repository.architectureReview(id, true).chain(r -> {
            if (r == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Architectural review", id));
            }
            if (!actor.isAdmin() && !actor.user().equals(r.owner)) {
                return Uni.createFrom().failure(ProblemException.forbidden(actor.user() + " does not own the architectural review of " + r.service
                        + " (" + r.owner + " does)"));
            }
            List<Violation> problems = new ArrayList<>();
            FreeText.check(problems, "outcome", outcome, true, 20_000);
            if (!problems.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.invalid(problems));
            }
            if (!"OPEN".equals(r.state)) {
                return Uni.createFrom().failure(ProblemException.conflict("The architectural review of " + r.service + " was completed by "
                        + r.completedBy));
            }
            Instant now = now();
            r.state = "COMPLETED";
            r.completedBy = actor.user();
            r.completedAt = now;
            r.outcome = outcome.strip();
            return deadlines.cancel(DUE_DEADLINE, r.id.toString())
                    .call(() -> publish(EventTypes.ARCHITECTURE_REVIEW_COMPLETED, r, actor.user(), now))
                    .chain(() -> seen(r, actor));
        });
    }

    /** At the due date an open review is overdue: published, and its owner and the owning team's manager reminded. */
    @WithTransaction
    public Uni<Void> due(UUID id, Instant at) {
        return repository.architectureReview(id, true).chain(r -> {
            if (r == null || !"OPEN".equals(r.state) || r.overdueAt != null) {
                return Uni.createFrom().voidItem();
            }
            r.overdueAt = at;
            List<String> people = UNASSIGNED.equals(r.owner) ? List.of() : List.of(r.owner);
            return publish(EventTypes.ARCHITECTURE_REVIEW_OVERDUE, r, SYSTEM, at)
                    .call(() -> reminders.remind("architecture-review/" + r.id, people, "[Firebreak] Architectural review overdue: " + r.service,
                            "The architectural review of " + r.service + " (" + r.incidents.size() + " recurring incidents sharing "
                                    + r.basis.toLowerCase().replace('_', ' ') + " " + r.basisValue + "), owned by " + r.owner + ", was due at " + r.dueAt
                                    + ". Record its outcome at /api/v1/review/architecture-reviews/" + r.id + "/completion."));
        });
    }

    /** {@value #DUE_DEADLINE}. */
    @ApplicationScoped
    public static class Due implements DeadlineHandler {

        private final ArchitectureReviews reviews;

        public Due(ArchitectureReviews reviews) {
            this.reviews = reviews;
        }

        @Override
        public String kind() {
            return DUE_DEADLINE;
        }

        @Override
        public Uni<Void> fire(Deadline deadline) {
            return reviews.due(UUID.fromString(deadline.subject()), deadline.dueAt());
        }
    }
}
