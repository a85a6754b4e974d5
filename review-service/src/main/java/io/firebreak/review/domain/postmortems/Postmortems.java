package io.firebreak.review.domain.postmortems;

import io.firebreak.events.EventTypes;
import io.firebreak.events.PostmortemEvent;
import io.firebreak.events.Priority;
import io.firebreak.platform.access.RoleHolders;
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
import io.firebreak.review.domain.BlamelessRules;
import io.firebreak.review.domain.PostmortemDueDates;
import io.firebreak.review.domain.timeline.Timelines;
import io.firebreak.review.model.Incident;
import io.firebreak.review.model.Postmortem;
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
import java.util.List;
import java.util.UUID;

/**
 * Blameless post-mortems: opened when a real P1 or P2 is resolved, due 72 h later, owned by the incident's commander;
 * DRAFT → IN_REVIEW (the owner submits) → PUBLISHED (the commander or an admin publishes, only with every timeline
 * flag resolved — 409 listing the open ones). Overdue publishes {@code postmortem.overdue} and reminds the owner and
 * the commander's manager.
 */
@ApplicationScoped
public class Postmortems {

    public static final String DUE_DEADLINE = "review.postmortem-due";
    static final String SYSTEM = "firebreak";

    private final ReviewRepository repository;
    private final Timelines timelines;
    private final RoleHolders roles;
    private final Outbox outbox;
    private final Deadlines deadlines;
    private final Reminders reminders;
    private final ReviewConfig config;
    private final Clock clock;

    public Postmortems(ReviewRepository repository, Timelines timelines, RoleHolders roles, Outbox outbox, Deadlines deadlines,
                       Reminders reminders, ReviewConfig config, Clock clock) {
        this.repository = repository;
        this.timelines = timelines;
        this.roles = roles;
        this.outbox = outbox;
        this.deadlines = deadlines;
        this.reminders = reminders;
        this.config = config;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Uni<Void> publish(String type, Incident i, Postmortem p, String by, Instant at) {
        return outbox.record(type, i.incidentId.toString(), new PostmortemEvent(i.incidentId, i.incidentKey, p.id, p.state, p.owner, p.dueAt,
                p.resolvedAt, by, at, Priority.valueOf(i.priority), i.drill)).replaceWithVoid();
    }

    /** A resolved incident: a real P1 or P2 without a post-mortem gets one; in the consumer's transaction. */
    public Uni<Void> resolved(Incident incident) {
        if (incident == null || incident.resolvedAt == null || !PostmortemDueDates.needsPostmortem(incident.priority, incident.drill)) {
            return Uni.createFrom().voidItem();
        }
        return repository.postmortemOf(incident.incidentId).chain(existing -> existing != null ? Uni.createFrom().voidItem()
                : roles.holders(incident.incidentId, RoleHolders.INCIDENT_COMMANDER).chain(ics -> {
                    Postmortem p = new Postmortem();
                    p.id = UUID.randomUUID();
                    p.incidentId = incident.incidentId;
                    p.state = "DRAFT";
                    p.owner = ics.isEmpty() ? incident.declaredBy : ics.get(0);
                    p.resolvedAt = incident.resolvedAt.truncatedTo(ChronoUnit.MICROS);
                    p.dueAt = PostmortemDueDates.due(p.resolvedAt, config.postmortemDue());
                    p.openedAt = now();
                    return repository.persist(p)
                            .call(() -> deadlines.schedule(DUE_DEADLINE, p.id.toString(), p.dueAt, null))
                            .call(() -> publish(EventTypes.POSTMORTEM_OPENED, incident, p, SYSTEM, p.openedAt)).replaceWithVoid();
                }));
    }

    public record Loaded(Postmortem postmortem, Incident incident) {
    }

    @WithSession
    public Uni<Loaded> of(UUID incidentId) {
        return repository.incident(incidentId).onItem().ifNull().failWith(() -> ProblemException.notFound("Incident", incidentId))
                .chain(i -> repository.postmortemOf(incidentId).onItem().ifNull()
                        .failWith(() -> ProblemException.notFound("Post-mortem of incident", incidentId)).map(p -> new Loaded(p, i)));
    }

    Uni<Loaded> locked(UUID incidentId) {
        return repository.incident(incidentId).onItem().ifNull().failWith(() -> ProblemException.notFound("Incident", incidentId))
                .chain(i -> repository.postmortemIdOf(incidentId).onItem().ifNull()
                        .failWith(() -> ProblemException.notFound("Post-mortem of incident", incidentId))
                        .chain(repository::lockedPostmortem).map(p -> new Loaded(p, i)));
    }

    /** The owner, the incident's commander or an admin writes it. */
    Uni<Void> requireWriter(Loaded l, Actor actor) {
        if (actor.user().equals(l.postmortem().owner) || actor.isAdmin()) {
            return Uni.createFrom().voidItem();
        }
        return roles.holds(l.incident().incidentId, RoleHolders.INCIDENT_COMMANDER, actor.user()).chain(ic -> ic ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(ProblemException.forbidden("The post-mortem of " + l.incident().incidentKey + " is written by its owner ("
                        + l.postmortem().owner + "), the incident's commander or an admin")));
    }

    public record Text(String summary, String customerImpact, String businessImpact, String whatWentWell, String whereLucky) {
    }

    @WithTransaction
    public Uni<Loaded> edit(UUID incidentId, Text text, Actor actor) {
        List<Violation> problems = new ArrayList<>();
        for (String[] f : new String[][] {{"summary", text.summary()}, {"customerImpact", text.customerImpact()},
                {"businessImpact", text.businessImpact()}, {"whatWentWell", text.whatWentWell()}, {"whereLucky", text.whereLucky()}}) {
            FreeText.check(problems, f[0], f[1], false, 20_000);
        }
        if (!problems.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(problems));
        }
        return locked(incidentId).call(l -> requireWriter(l, actor)).chain(l -> {
            Postmortem p = l.postmortem();
            if ("PUBLISHED".equals(p.state)) {
                return Uni.createFrom().failure(ProblemException.conflict("The post-mortem of " + l.incident().incidentKey + " is published"));
            }
            p.summary = FreeText.orNull(text.summary());
            p.customerImpact = FreeText.orNull(text.customerImpact());
            p.businessImpact = FreeText.orNull(text.businessImpact());
            p.whatWentWell = FreeText.orNull(text.whatWentWell());
            p.whereLucky = FreeText.orNull(text.whereLucky());
            return Uni.createFrom().item(l);
        });
    }

    /** A blamelessness flag and, when the author dismissed it, why. */
    public record CheckedBlame(BlamelessRules.Flag flag, io.firebreak.review.model.BlamelessDismissal dismissal) {

        public boolean open() {
            return dismissal == null;
        }
    }

    /**
     * The blamelessness check of the post-mortem's text. The people it looks for: the owner, everyone paged,
     * acknowledging, accepting a role or recalling on the timeline, and whoever added entries. In the caller's session.
     */
    public Uni<List<CheckedBlame>> blameless(Loaded l) {
        Postmortem p = l.postmortem();
        return timelines.validate(l.incident()).chain(v -> repository.dismissals(p.id).map(dismissals -> {
            String text = String.join("\n", java.util.stream.Stream.of(p.summary, p.customerImpact, p.businessImpact, p.whatWentWell, p.whereLucky)
                    .filter(java.util.Objects::nonNull).toList());
            return BlamelessRules.check(text, people(v, p)).stream().map(f -> new CheckedBlame(f, dismissals.stream()
                    .filter(d -> d.rule.equals(f.rule()) && d.sentence.equals(f.sentence())).findFirst().orElse(null))).toList();
        }));
    }

    static List<String> people(Timelines.Validated v, Postmortem p) {
        List<String> out = new ArrayList<>();
        out.add(p.owner);
        v.entries().forEach(e -> {
            if (e.addedBy != null) {
                out.add(e.addedBy);
            }
            if ("RECOLLECTION".equals(e.origin)) {
                out.add(e.source);
            }
            for (String prefix : List.of("Paged ", "Acknowledged by ")) {
                if (e.title.startsWith(prefix)) {
                    out.add(e.title.substring(prefix.length()).split(" ")[0]);
                }
            }
            if ("ROLE_ASSIGNED".equals(e.kind)) {
                out.add(e.title.split(" ")[0]);
            }
        });
        return out.stream().distinct().toList();
    }

    @WithSession
    public Uni<List<CheckedBlame>> blamelessChecked(Loaded l) {
        return blameless(l);
    }

    /** The author dismisses one blamelessness flag of the current text with a reason (404 when no such flag). */
    @WithTransaction
    public Uni<List<CheckedBlame>> dismiss(UUID incidentId, String rule, String sentence, String reason, Actor actor) {
        return locked(incidentId).chain(l -> dismiss(l, rule, sentence, reason, actor));
    }

    private Uni<List<CheckedBlame>> dismiss(Loaded found, String rule, String sentence, String reason, Actor actor) {
        List<Violation> problems = new ArrayList<>();
        FreeText.check(problems, "rule", rule, true, 100);
        FreeText.check(problems, "sentence", sentence, true, 20_000);
        FreeText.check(problems, "reason", reason, true, 4000);
        if (!problems.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(problems));
        }
        return requireWriter(found, actor).replaceWith(found).chain(l -> blameless(l).chain(flags -> {
            CheckedBlame flag = flags.stream().filter(f -> f.flag().rule().equals(rule) && f.flag().sentence().equals(sentence)).findFirst()
                    .orElse(null);
            if (flag == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Blamelessness flag", rule + " on \"" + sentence + "\""));
            }
            if (!flag.open()) {
                return Uni.createFrom().failure(ProblemException.conflict("That flag was dismissed already by " + flag.dismissal().dismissedBy));
            }
            io.firebreak.review.model.BlamelessDismissal d = new io.firebreak.review.model.BlamelessDismissal();
            d.postmortemId = l.postmortem().id;
            d.rule = rule;
            d.sentence = sentence;
            d.reason = reason.strip();
            d.dismissedBy = actor.user();
            d.dismissedAt = now();
            return repository.persist(d).chain(() -> blameless(l));
        }));
    }

    @WithTransaction
    public Uni<Loaded> submit(UUID incidentId, Actor actor) {
        return locked(incidentId).call(l -> requireWriter(l, actor)).chain(l -> {
            Postmortem p = l.postmortem();
            if (!"DRAFT".equals(p.state)) {
                return Uni.createFrom().failure(ProblemException.conflict("The post-mortem of " + l.incident().incidentKey + " is " + p.state));
            }
            if (p.summary == null) {
                return Uni.createFrom().failure(ProblemException.invalid(List.of(new Violation("summary", "is required before review"))));
            }
            p.state = "IN_REVIEW";
            p.submittedBy = actor.user();
            p.submittedAt = now();
            return timelines.validate(l.incident()).chain(v -> timelines.raise(v, p)).replaceWith(l);
        });
    }

    /** Publication: the commander or an admin, from review, and only with every timeline flag resolved (409 listing them). */
    @WithTransaction
    public Uni<Loaded> publish(UUID incidentId, Actor actor) {
        return locked(incidentId).chain(l -> roles.holds(l.incident().incidentId, RoleHolders.INCIDENT_COMMANDER, actor.user()).chain(ic -> {
            Postmortem p = l.postmortem();
            if (!ic && !actor.isAdmin()) {
                return Uni.createFrom().failure(ProblemException.forbidden("The incident's commander or an admin publishes the post-mortem"));
            }
            if (!"IN_REVIEW".equals(p.state)) {
                return Uni.createFrom().failure(ProblemException.conflict("The post-mortem of " + l.incident().incidentKey + " is " + p.state
                        + "; it is published from review"));
            }
            return timelines.validate(l.incident()).chain(v -> timelines.raise(v, p)).chain(v -> blameless(l).chain(blame -> {
                if (!v.open().isEmpty()) {
                    return Uni.createFrom().failure(ProblemException.conflict("The timeline has " + v.open().size() + " unresolved flag(s): "
                            + String.join("; ", v.open().stream().map(f -> f.flag().key() + " (" + f.flag().message() + ")").toList())));
                }
                List<CheckedBlame> open = blame.stream().filter(CheckedBlame::open).toList();
                if (!open.isEmpty()) {
                    return Uni.createFrom().failure(ProblemException.conflict("The text has " + open.size() + " blamelessness flag(s) to rephrase or"
                            + " dismiss with a reason: " + String.join("; ", open.stream().map(f -> f.flag().rule() + ": \"" + f.flag().sentence()
                            + "\"").toList())));
                }
                Instant now = now();
                p.state = "PUBLISHED";
                p.publishedBy = actor.user();
                p.publishedAt = now;
                // The published event names the factors found: metrics recognises repeat failures by them.
                return deadlines.cancel(DUE_DEADLINE, p.id.toString())
                        .chain(() -> repository.factorsOf(p.id))
                        .chain(factors -> outbox.record(EventTypes.POSTMORTEM_PUBLISHED, l.incident().incidentId.toString(), new PostmortemEvent(
                                l.incident().incidentId, l.incident().incidentKey, p.id, p.state, p.owner, p.dueAt, p.resolvedAt, actor.user(), now,
                                Priority.valueOf(l.incident().priority), l.incident().drill,
                                factors.stream().map(f -> f.category + "/" + f.subcategory).distinct().sorted().toList())))
                        .replaceWith(l);
            }));
        }));
    }

    /** Fires at the due time: unless published, overdue — published once, and the owner and the commander's manager reminded. */
    @WithTransaction
    public Uni<Void> due(UUID postmortemId, Instant at) {
        return repository.postmortem(postmortemId).chain(p -> {
            if (p == null || "PUBLISHED".equals(p.state) || p.overdueAt != null) {
                return Uni.createFrom().voidItem();
            }
            p.overdueAt = at;
            return repository.incident(p.incidentId).chain(i -> publish(EventTypes.POSTMORTEM_OVERDUE, i, p, SYSTEM, at)
                    .chain(() -> roles.holders(i.incidentId, RoleHolders.INCIDENT_COMMANDER))
                    .chain(ics -> managersOf(ics.isEmpty() ? List.of(p.owner) : ics).chain(managers -> {
                        List<String> people = new ArrayList<>(List.of(p.owner));
                        people.addAll(managers);
                        return reminders.remind("postmortem/" + i.incidentKey, people.stream().distinct().toList(),
                                "[Firebreak] Post-mortem of " + i.incidentKey + " overdue",
                                "The blameless post-mortem of " + i.incidentKey + " (" + i.title + ") was due at " + p.dueAt + " and is "
                                        + p.state + ". Owner: " + p.owner + ".").replaceWithVoid();
                    })));
        });
    }

    private Uni<List<String>> managersOf(List<String> people) {
        Uni<List<String>> all = Uni.createFrom().item(new ArrayList<>());
        for (String person : people) {
            all = all.chain(list -> repository.teamsOf(person).map(teams -> {
                teams.stream().map((Team t) -> t.manager).filter(m -> !m.equals(person) && !list.contains(m)).forEach(list::add);
                return list;
            }));
        }
        return all;
    }

    /** {@value #DUE_DEADLINE}. */
    @ApplicationScoped
    public static class Due implements DeadlineHandler {

        private final Postmortems postmortems;

        public Due(Postmortems postmortems) {
            this.postmortems = postmortems;
        }

        @Override
        public String kind() {
            return DUE_DEADLINE;
        }

        @Override
        public Uni<Void> fire(Deadline deadline) {
            return postmortems.due(UUID.fromString(deadline.subject()), deadline.dueAt());
        }
    }
}
