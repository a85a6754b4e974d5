package io.firebreak.review.domain.postmortems;

import io.firebreak.events.ActionItemEvent;
import io.firebreak.events.EventTypes;
import io.firebreak.platform.deadline.Deadline;
import io.firebreak.platform.deadline.DeadlineHandler;
import io.firebreak.platform.deadline.Deadlines;
import io.firebreak.platform.delivery.Reminders;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.problem.FreeText;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actor;
import io.firebreak.review.domain.ActionItemRules;
import io.firebreak.platform.time.Quarter;
import io.firebreak.review.model.ActionItem;
import io.firebreak.review.model.Incident;
import io.firebreak.review.model.QuarterlyReview;
import io.firebreak.review.model.Team;
import io.firebreak.review.persistence.ReviewRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Action items of post-mortems: every gap gets one with a named owner, a deadline, a priority and a type
 * ({@link ActionItemRules}); runbook, training and monitoring items close only with a link to the changed artefact;
 * an open item past its deadline is published overdue and escalated to the owner's managers. Quarterly, completion is
 * reviewed per team and type and the review recorded; the reminder to hold it is a deadline a week after the quarter.
 */
@ApplicationScoped
public class ActionItems {

    public static final String DUE_DEADLINE = "review.action-item-due";
    public static final String QUARTERLY_DEADLINE = "review.quarterly-review";
    static final Duration QUARTERLY_REMINDER_AFTER = Duration.ofDays(7);

    private final ReviewRepository repository;
    private final Postmortems postmortems;
    private final Outbox outbox;
    private final Deadlines deadlines;
    private final Reminders reminders;
    private final TrackerSync trackers;
    private final Clock clock;

    public ActionItems(ReviewRepository repository, Postmortems postmortems, Outbox outbox, Deadlines deadlines, Reminders reminders,
                       TrackerSync trackers, Clock clock) {
        this.repository = repository;
        this.trackers = trackers;
        this.postmortems = postmortems;
        this.outbox = outbox;
        this.deadlines = deadlines;
        this.reminders = reminders;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Uni<Void> publish(String type, Incident i, ActionItem a, String by, Instant at) {
        return outbox.record(type, i.incidentId.toString(), new ActionItemEvent(i.incidentId, i.incidentKey, a.id, a.title, a.owner, a.deadline,
                a.priority, a.type, a.state, by, at, a.evidence, a.escalatedTo, i.drill)).replaceWithVoid();
    }

    public record Input(String title, String description, String owner, Instant deadline, String priority, String type) {
    }

    @WithSession
    public Uni<List<ActionItem>> of(UUID incidentId) {
        return postmortems.of(incidentId).chain(l -> repository.itemsOf(incidentId));
    }

    /** Writers of the post-mortem add items; no owner or no deadline → 400, nothing recorded. */
    @WithTransaction
    public Uni<ActionItem> create(UUID incidentId, Input in, Actor actor) {
        return postmortems.locked(incidentId).call(l -> postmortems.requireWriter(l, actor)).chain(l -> {
            Instant now = now();
            List<Violation> problems = new ArrayList<>(ActionItemRules.creationProblems(in.title(), in.owner(), in.deadline(), in.priority(),
                    in.type(), now).stream().map(p -> new Violation(p.field(), p.message())).toList());
            FreeText.check(problems, "title", in.title(), false, 500);
            FreeText.check(problems, "description", in.description(), false, 10_000);
            if (!problems.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.invalid(problems));
            }
            return repository.service(l.incident().businessService).chain(service -> {
                ActionItem a = new ActionItem();
                a.id = UUID.randomUUID();
                a.postmortemId = l.postmortem().id;
                a.incidentId = incidentId;
                a.title = in.title().strip();
                a.description = FreeText.orNull(in.description());
                a.owner = in.owner().strip();
                a.deadline = in.deadline().truncatedTo(ChronoUnit.MICROS);
                a.priority = in.priority();
                a.type = in.type();
                a.team = service == null ? null : service.owningTeam;
                a.state = "OPEN";
                a.createdBy = actor.user();
                a.createdAt = now;
                Quarter quarter = Quarter.of(a.deadline);
                return trackers.created(l.incident(), a).chain(() -> repository.persist(a))
                        .call(() -> deadlines.schedule(DUE_DEADLINE, a.id.toString(), a.deadline, null))
                        // The quarter this item counts in gets its review reminder (scheduling again keeps one pending).
                        .call(() -> deadlines.schedule(QUARTERLY_DEADLINE, quarter.toString(), quarter.end().plus(QUARTERLY_REMINDER_AFTER), null))
                        .call(() -> publish(EventTypes.ACTION_ITEM_CREATED, l.incident(), a, actor.user(), now));
            });
        });
    }

    /** The item's owner or a writer of the post-mortem completes it; loop-closing types need their evidence link. */
    @WithTransaction
    public Uni<ActionItem> complete(UUID incidentId, UUID itemId, String evidence, Actor actor) {
        return postmortems.locked(incidentId).chain(l -> repository.lockedItem(itemId).chain(a -> {
            if (a == null || !a.incidentId.equals(incidentId)) {
                return Uni.createFrom().failure(ProblemException.notFound("Action item", itemId));
            }
            Uni<Void> allowed = actor.user().equals(a.owner) ? Uni.createFrom().voidItem() : postmortems.requireWriter(l, actor);
            return allowed.chain(() -> {
                if (!"OPEN".equals(a.state)) {
                    return Uni.createFrom().failure(ProblemException.conflict("Action item \"" + a.title + "\" is " + a.state));
                }
                String refusal = ActionItemRules.closingRefusal(ActionItemRules.type(a.type), FreeText.orNull(evidence));
                if (refusal != null) {
                    return Uni.createFrom().failure(ProblemException.invalid(List.of(new Violation("evidence", refusal))));
                }
                return done(l.incident(), a, actor.user(), FreeText.orNull(evidence)).call(() -> trackers.completed(a)).replaceWith(a);
            });
        }));
    }

    private Uni<Void> done(Incident i, ActionItem a, String by, String evidence) {
        Instant now = now();
        a.state = "DONE";
        a.completedBy = by;
        a.completedAt = now;
        a.evidence = evidence;
        return deadlines.cancel(DUE_DEADLINE, a.id.toString()).call(() -> publish(EventTypes.ACTION_ITEM_COMPLETED, i, a, by, now)).replaceWithVoid();
    }

    /** What a tracker's webhook did to the issue of an item; answers what Firebreak made of it. */
    public enum TrackerEffect { UNKNOWN_ISSUE, COMPLETED, KEPT_OPEN, REOPENED, UNCHANGED }

    /**
     * The tracker closed or reopened the issue of one of its items. Closed as completed completes the item — for
     * runbook, training and monitoring items only with the evidence link in the issue's description, else the item
     * stays open and the issue is told why (once); closed as not planned keeps the item open. Redelivery changes nothing.
     */
    @WithTransaction
    public Uni<TrackerEffect> trackerUpdate(UUID trackerId, io.firebreak.review.domain.trackers.TrackerApi.TrackerUpdate u) {
        return repository.lockedItemInTracker(trackerId, u.reference()).chain(a -> {
            if (a == null) {
                return Uni.createFrom().item(TrackerEffect.UNKNOWN_ISSUE);
            }
            if ("DONE".equals(a.state)) {
                if (u.closed()) {
                    a.trackerStatus = "CLOSED";
                }
                return Uni.createFrom().item(TrackerEffect.UNCHANGED);
            }
            if (!u.closed()) {
                boolean reopened = a.trackerStatus != null && a.trackerStatus.startsWith("CLOSED");
                a.trackerStatus = "OPEN";
                return Uni.createFrom().item(reopened ? TrackerEffect.REOPENED : TrackerEffect.UNCHANGED);
            }
            if (!u.completed()) {
                return keptOpen(a, "CLOSED_NOT_PLANNED", "Closed as not planned in the tracker: the action item stays open in Firebreak"
                        + " until its owner completes it there.");
            }
            String evidence = u.evidence() != null ? u.evidence() : ActionItemRules.closingRefusal(ActionItemRules.type(a.type), null) == null
                    ? a.trackerUrl : null;
            String refusal = ActionItemRules.closingRefusal(ActionItemRules.type(a.type), evidence);
            if (refusal != null) {
                return keptOpen(a, "CLOSED_WITHOUT_EVIDENCE", "Firebreak keeps this action item open. " + refusal
                        + ". Add a line \"Evidence: <link>\" to the description; the next update closes it.");
            }
            a.trackerStatus = "CLOSED";
            return repository.incident(a.incidentId).chain(i -> done(i, a, u.by(), evidence)).replaceWith(TrackerEffect.COMPLETED);
        });
    }

    private Uni<TrackerEffect> keptOpen(ActionItem a, String status, String why) {
        if (status.equals(a.trackerStatus)) {
            return Uni.createFrom().item(TrackerEffect.UNCHANGED); // told once already
        }
        a.trackerStatus = status;
        return trackers.comment(a, why).replaceWith(TrackerEffect.KEPT_OPEN);
    }

    /** At the deadline, an open item is overdue: published, and the owner and the owner's managers reminded. */
    @WithTransaction
    public Uni<Void> due(UUID itemId, Instant at) {
        return repository.item(itemId).chain(a -> {
            if (a == null || !ActionItemRules.overdue(a.deadline, a.completedAt, at) || a.overdueAt != null) {
                return Uni.createFrom().voidItem();
            }
            return repository.teamsOf(a.owner).chain(teams -> {
                List<String> managers = teams.stream().map((Team t) -> t.manager).filter(m -> !m.equals(a.owner)).distinct().toList();
                a.overdueAt = at;
                a.escalatedTo = managers;
                List<String> people = new ArrayList<>(List.of(a.owner));
                people.addAll(managers);
                return repository.incident(a.incidentId).chain(i -> publish(EventTypes.ACTION_ITEM_OVERDUE, i, a, Postmortems.SYSTEM, at)
                        .call(() -> reminders.remind("action-item/" + a.id, people, "[Firebreak] Action item overdue: " + a.title,
                                "The action item \"" + a.title + "\" of " + i.incidentKey + " (" + a.type + ", " + a.priority + "), owned by " + a.owner
                                        + ", was due at " + a.deadline + "." + (managers.isEmpty() ? "" : " Escalated to " + String.join(", ", managers) + "."))));
            });
        });
    }

    public record Completion(long items, long done, double rate) {
    }

    public record Overdue(UUID id, String incidentKey, String title, String owner, String team, String type, Instant deadline, long ageDays,
                          List<String> escalatedTo) {
    }

    /** A held quarterly review. */
    public record ReviewRecord(String quarter, String reviewedBy, Instant reviewedAt, String decisions) {
        static ReviewRecord of(QuarterlyReview r) {
            return r == null ? null : new ReviewRecord(r.quarter, r.reviewedBy, r.reviewedAt, r.decisions);
        }
    }

    public record QuarterlyReport(String quarter, Map<String, Completion> byTeam, Map<String, Completion> byType, List<Overdue> overdue,
                                  ReviewRecord review) {
    }

    /** Items whose deadline falls in the quarter: completion per team and type, and the ones still open past their deadline. */
    @WithSession
    public Uni<QuarterlyReport> quarterly(Quarter quarter) {
        Instant now = now();
        return repository.itemsDue(quarter.start(), quarter.end()).chain(items -> repository.quarterlyReview(quarter.toString()).chain(review -> {
            Uni<List<Overdue>> overdue = Uni.createFrom().item(new ArrayList<>());
            for (ActionItem a : items) {
                // Open and past its deadline now, or found overdue when its deadline fired.
                if (a.completedAt == null && (a.overdueAt != null || ActionItemRules.overdue(a.deadline, a.completedAt, now))) {
                    overdue = overdue.chain(list -> repository.incident(a.incidentId).map(i -> {
                        list.add(new Overdue(a.id, i.incidentKey, a.title, a.owner, a.team, a.type, a.deadline,
                                Math.max(0, Duration.between(a.deadline, now).toDays()), a.escalatedTo == null ? List.of() : a.escalatedTo));
                        return list;
                    }));
                }
            }
            // An item recorded before its service's ownership was known takes the service's owning team now.
            Uni<Map<UUID, String>> teams = Uni.createFrom().item(new java.util.HashMap<>());
            for (ActionItem a : items) {
                if (a.team == null) {
                    teams = teams.chain(m -> repository.incident(a.incidentId).chain(i -> repository.service(i.businessService)).map(svc -> {
                        m.put(a.id, svc == null ? "(no team)" : svc.owningTeam);
                        return m;
                    }));
                }
            }
            Uni<Map<UUID, String>> resolvedTeams = teams;
            return overdue.chain(list -> resolvedTeams.map(t -> new QuarterlyReport(quarter.toString(),
                    completion(items, a -> a.team != null ? a.team : t.get(a.id)), completion(items, a -> a.type), list, ReviewRecord.of(review))));
        }));
    }

    private static Map<String, Completion> completion(List<ActionItem> items, java.util.function.Function<ActionItem, String> key) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        items.stream().sorted(java.util.Comparator.comparing(key)).forEach(a -> {
            long[] c = counts.computeIfAbsent(key.apply(a), k -> new long[2]);
            c[0]++;
            if ("DONE".equals(a.state)) {
                c[1]++;
            }
        });
        Map<String, Completion> out = new LinkedHashMap<>();
        counts.forEach((k, c) -> out.put(k, new Completion(c[0], c[1], c[0] == 0 ? 0 : (double) c[1] / c[0])));
        return out;
    }

    /** Records the quarterly review (once per quarter): who held it and the decisions on resources or process. */
    @WithTransaction
    public Uni<ReviewRecord> recordReview(Quarter quarter, String decisions, Actor actor) {
        List<Violation> problems = new ArrayList<>();
        FreeText.check(problems, "decisions", decisions, true, 20_000);
        if (!problems.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(problems));
        }
        return repository.quarterlyReview(quarter.toString()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(ProblemException.conflict("The review of " + quarter + " was recorded by " + existing.reviewedBy));
            }
            QuarterlyReview r = new QuarterlyReview();
            r.quarter = quarter.toString();
            r.reviewedBy = actor.user();
            r.reviewedAt = now();
            r.decisions = decisions.strip();
            return repository.persist(r).call(() -> deadlines.cancel(QUARTERLY_DEADLINE, quarter.toString())).map(ReviewRecord::of);
        });
    }

    /** A week after a quarter with action items ends, unless its review was recorded: remind the mailbox to hold it. */
    @WithTransaction
    public Uni<Void> quarterlyDue(String quarter, Instant at) {
        return repository.quarterlyReview(quarter).chain(review -> review != null ? Uni.createFrom().voidItem()
                : reminders.remind("quarterly-review/" + quarter, List.of(), "[Firebreak] Hold the " + quarter + " action-item review",
                "The quarterly completion review of " + quarter + " is due: completion per team and type, overdue items and escalations"
                        + " are at /api/v1/review/reviews/quarterly?quarter=" + quarter + ". Record the decisions there.").replaceWithVoid());
    }

    /** {@value #DUE_DEADLINE}. */
    @ApplicationScoped
    public static class Due implements DeadlineHandler {

        private final ActionItems items;

        public Due(ActionItems items) {
            this.items = items;
        }

        @Override
        public String kind() {
            return DUE_DEADLINE;
        }

        @Override
        public Uni<Void> fire(Deadline deadline) {
            return items.due(UUID.fromString(deadline.subject()), deadline.dueAt());
        }
    }

    /** {@value #QUARTERLY_DEADLINE}. */
    @ApplicationScoped
    public static class QuarterlyDue implements DeadlineHandler {

        private final ActionItems items;

        public QuarterlyDue(ActionItems items) {
            this.items = items;
        }

        @Override
        public String kind() {
            return QUARTERLY_DEADLINE;
        }

        @Override
        public Uni<Void> fire(Deadline deadline) {
            return items.quarterlyDue(deadline.subject(), deadline.dueAt());
        }
    }
}
