package io.firebreak.response.domain.paging;

import io.firebreak.events.AvailabilityChanged;
import io.firebreak.events.EventTypes;
import io.firebreak.platform.deadline.Deadlines;
import io.firebreak.platform.delivery.OutboundDeliveries;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actor;
import io.firebreak.response.domain.oncall.OnCallRights;
import io.firebreak.response.model.oncall.Unavailability;
import io.firebreak.response.model.paging.Page;
import io.firebreak.response.model.paging.PageStatus;
import io.firebreak.response.persistence.oncall.TeamRepository;
import io.firebreak.response.persistence.oncall.UnavailabilityRepository;
import io.firebreak.response.persistence.paging.IncidentPagingRepository;
import io.firebreak.response.persistence.paging.PageRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Marking people unavailable for paging, and what it does at once: paging leaves them out from the
 * start of the mark, and a level where everyone paged is now unavailable passes on to the next level —
 * the role's succession — without waiting for its window. A mark starting later takes effect by a
 * durable deadline at its start. Marked by the person, a manager of one of their teams, or an admin.
 */
@ApplicationScoped
public class Unavailabilities {

    public static final String STARTS = "response.unavailable-from";
    static final Duration LONGEST = Duration.ofDays(90);

    private final UnavailabilityRepository marks;
    private final TeamRepository teams;
    private final PageRepository pages;
    private final IncidentPagingRepository pagings;
    private final Paging paging;
    private final Deadlines deadlines;
    private final OutboundDeliveries deliveries;
    private final Outbox outbox;
    private final Clock clock;

    public Unavailabilities(UnavailabilityRepository marks, TeamRepository teams, PageRepository pages, IncidentPagingRepository pagings,
                            Paging paging, Deadlines deadlines, OutboundDeliveries deliveries, Outbox outbox, Clock clock) {
        this.marks = marks;
        this.teams = teams;
        this.pages = pages;
        this.pagings = pagings;
        this.paging = paging;
        this.deadlines = deadlines;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A mark as asked for: from (now when absent) until, and why. */
    public record Draft(Instant startsAt, Instant endsAt, String reason) {
    }

    @WithTransaction
    public Uni<Unavailability> mark(Actor actor, String person, Draft draft) {
        Instant now = clock.instant();
        Instant from = draft == null || draft.startsAt() == null ? now : draft.startsAt();
        List<Violation> violations = new ArrayList<>();
        if (draft == null || draft.endsAt() == null) {
            violations.add(new Violation("endsAt", "is required (when the person can be paged again)"));
        } else if (!draft.endsAt().isAfter(from) || !draft.endsAt().isAfter(now)) {
            violations.add(new Violation("endsAt", "must be after startsAt and in the future"));
        } else if (Duration.between(from, draft.endsAt()).compareTo(LONGEST) > 0) {
            violations.add(new Violation("endsAt", "a mark lasts at most " + LONGEST.toDays() + " days; longer absences belong in the schedules"));
        }
        if (draft != null && draft.reason() != null && draft.reason().length() > 500) {
            violations.add(new Violation("reason", "must be at most 500 characters"));
        }
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(violations));
        }
        return mayMark(actor, person).chain(() -> {
            Unavailability u = new Unavailability();
            u.id = UUID.randomUUID();
            u.person = person;
            u.startsAt = from;
            u.endsAt = draft.endsAt();
            u.reason = draft.reason() == null || draft.reason().isBlank() ? null : draft.reason().strip();
            u.markedBy = actor.user();
            u.createdAt = now;
            return marks.persist(u)
                    .call(() -> published(u, "MARKED", actor.user(), now))
                    .call(() -> from.isAfter(now) ? deadlines.schedule(STARTS, u.id.toString(), from, null) : passOnFrom(person));
        });
    }

    @WithTransaction
    public Uni<Unavailability> cancel(Actor actor, String person, UUID id) {
        return marks.findById(id).chain(u -> {
            if (u == null || !u.person.equals(person)) {
                return Uni.createFrom().failure(ProblemException.notFound("Unavailability", id));
            }
            return mayMark(actor, person).chain(() -> {
                if (u.cancelledAt != null) {
                    return Uni.createFrom().item(u);
                }
                Instant now = clock.instant();
                u.cancelledAt = now;
                u.cancelledBy = actor.user();
                return deadlines.cancel(STARTS, u.id.toString()).chain(() -> published(u, "CANCELLED", actor.user(), now)).replaceWith(u);
            });
        });
    }

    @WithSession
    public Uni<List<Unavailability>> of(String person) {
        return marks.of(person, clock.instant());
    }

    /** A mark's start came (its deadline fired): pages the person holds pass on, unless the mark was withdrawn or is over. */
    @WithTransaction
    public Uni<Void> started(UUID id) {
        return marks.findById(id).chain(u -> u == null || u.cancelledAt != null || !u.endsAt.isAfter(clock.instant())
                ? Uni.createFrom().voidItem() : passOnFrom(u.person));
    }

    private Uni<Void> published(Unavailability u, String change, String by, Instant at) {
        return outbox.record(EventTypes.AVAILABILITY_CHANGED, u.person, new AvailabilityChanged(u.id, u.person, u.startsAt, u.endsAt,
                u.reason, change, by, at)).replaceWithVoid();
    }

    private Uni<Void> mayMark(Actor actor, String person) {
        if (actor.isAdmin() || actor.user().equals(person)) {
            return Uni.createFrom().voidItem();
        }
        return teams.of(person).chain(list -> OnCallRights.managesATeamOf(actor, list)
                ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(ProblemException.forbidden(actor.user() + " may not mark " + person
                        + " unavailable (the person, a manager of one of their teams, or an admin may)")));
    }

    /**
     * The person's open pages stop (their pending notifications with them), and each level left with
     * nobody available is passed on. The incident's paging row is locked before its pages are touched,
     * in the same order as acknowledgements take them.
     */
    private Uni<Void> passOnFrom(String person) {
        return pages.incidentsPagingNow(person).chain(incidents -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (UUID incident : incidents) {
                chain = chain.chain(() -> pagings.locked(incident).chain(() -> pages.pagingNow(person, incident)).chain(open -> {
                    Uni<Void> each = Uni.createFrom().voidItem();
                    for (Page p : open) {
                        each = each.chain(() -> stop(p)).chain(() -> passOnIfNobodyLeft(p));
                    }
                    return each;
                }));
            }
            return chain;
        });
    }

    private Uni<Void> stop(Page p) {
        p.status = PageStatus.CANCELLED;
        String prefix = p.incidentId + "/" + p.id + "/";
        return deadlines.cancelAll(PageNotifier.STEP, prefix)
                .chain(() -> deadlines.cancelAll(PageNotifier.REPEAT, prefix))
                .chain(() -> deliveries.cancelPendingWithPrefix(PageNotifier.PURPOSE, PageNotifier.prefix(p)))
                .replaceWithVoid();
    }

    private Uni<Void> passOnIfNobodyLeft(Page p) {
        return pages.of(p.incidentId).chain(all -> {
            List<String> others = all.stream().filter(o -> o.escalationId.equals(p.escalationId) && o.level == p.level && o.round == p.round
                    && !o.id.equals(p.id) && (o.status == PageStatus.TRIGGERED || o.status == PageStatus.DELIVERED)).map(o -> o.person).toList();
            return marks.unavailableAt(others, clock.instant()).chain(away -> away.containsAll(others)
                    ? paging.passOnUnavailable(p.incidentId, p.escalationId, p.level, p.round).replaceWithVoid()
                    : Uni.createFrom().voidItem());
        });
    }
}
