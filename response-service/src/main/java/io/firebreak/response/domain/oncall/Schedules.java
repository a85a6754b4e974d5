package io.firebreak.response.domain.oncall;

import io.firebreak.events.EventTypes;
import io.firebreak.events.OverrideChanged;
import io.firebreak.events.ScheduleChanged;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.problem.Problem;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actor;
import io.firebreak.response.model.oncall.Layer;
import io.firebreak.response.model.oncall.OverrideEntry;
import io.firebreak.response.model.oncall.ResponseRole;
import io.firebreak.response.model.oncall.Schedule;
import io.firebreak.response.model.oncall.Team;
import io.firebreak.response.persistence.oncall.OverrideRepository;
import io.firebreak.response.persistence.oncall.ScheduleRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A team's role schedules and their overrides. Whoever is put into a role must hold a valid
 * qualification for it (refused with the gap named otherwise); team on-call takes team members.
 */
@ApplicationScoped
public class Schedules {

    private final ScheduleRepository schedules;
    private final OverrideRepository overrides;
    private final Teams teams;
    private final Qualifications qualifications;
    private final Outbox outbox;
    private final Clock clock;
    private final ScheduleSnapshot snapshot;

    public Schedules(ScheduleRepository schedules, OverrideRepository overrides, Teams teams, Qualifications qualifications,
                     Outbox outbox, Clock clock, ScheduleSnapshot snapshot) {
        this.snapshot = snapshot;
        this.schedules = schedules;
        this.overrides = overrides;
        this.teams = teams;
        this.qualifications = qualifications;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Schedule> create(Actor actor, String teamId, Drafts.ScheduleDraft draft) {
        return changing(() -> teams.require(teamId).chain(team -> {
            OnCallRights.requireScheduleEditor(actor, team);
            Checked checked = check(draft);
            return requireEligible(team, draft.role(), checked.participants(), "layers").chain(() -> {
                Instant now = clock.instant();
                Schedule s = new Schedule();
                s.id = UUID.randomUUID();
                s.teamId = team.id;
                s.createdBy = actor.user();
                s.createdAt = now;
                apply(s, draft, checked, actor, now);
                return schedules.persist(s).call(saved -> publish(saved, "created", actor));
            });
        }));
    }

    public Uni<Schedule> update(Actor actor, UUID id, Integer expectedVersion, Drafts.ScheduleDraft draft) {
        return changing(() -> require(id).chain(s -> teams.require(s.teamId).chain(team -> {
            OnCallRights.requireScheduleEditor(actor, team);
            if (expectedVersion != null && expectedVersion != s.version) {
                return Uni.createFrom().failure(ProblemException.conflict("Schedule " + id + " is at version " + s.version
                        + ", not " + expectedVersion + "; read it again and reapply the change"));
            }
            Checked checked = check(draft);
            return requireEligible(team, draft.role(), checked.participants(), "layers").chain(() -> {
                apply(s, draft, checked, actor, clock.instant());
                return schedules.flush().chain(() -> publish(s, "updated", actor)).replaceWith(s);
            });
        })));
    }

    public Uni<Void> delete(Actor actor, UUID id) {
        return changing(() -> require(id).chain(s -> teams.require(s.teamId).chain(team -> {
            OnCallRights.requireScheduleEditor(actor, team);
            s.updatedAt = clock.instant();
            return publish(s, "deleted", actor).chain(() -> schedules.delete(s));
        })));
    }

    public Uni<OverrideEntry> addOverride(Actor actor, UUID scheduleId, Drafts.OverrideDraft draft) {
        return changing(() -> require(scheduleId).chain(s -> teams.require(s.teamId).chain(team -> {
            OnCallRights.requireOverrideEditor(actor, team);
            ScheduleOverride checked = checkOverride(draft);
            return requireQualifiedThroughout(team, s.role, checked).chain(() -> {
                OverrideEntry o = new OverrideEntry();
                o.id = checked.id();
                o.scheduleId = s.id;
                o.person = checked.person();
                o.replaces = checked.replaces();
                o.startsAt = checked.start();
                o.endsAt = checked.end();
                o.reason = draft.reason() == null || draft.reason().isBlank() ? null : draft.reason().strip();
                o.createdBy = actor.user();
                o.createdAt = clock.instant();
                return overrides.persist(o).call(saved -> publishOverride(s, saved, "created", actor));
            });
        })));
    }

    public Uni<Void> removeOverride(Actor actor, UUID scheduleId, UUID overrideId) {
        return changing(() -> require(scheduleId).chain(s -> teams.require(s.teamId).chain(team -> {
            OnCallRights.requireOverrideEditor(actor, team);
            return overrides.findById(overrideId).chain(o -> {
                if (o == null || !o.scheduleId.equals(scheduleId)) {
                    return Uni.createFrom().failure(ProblemException.notFound("Override", overrideId));
                }
                return publishOverride(s, o, "removed", actor).chain(() -> overrides.delete(o));
            });
        })));
    }

    /**
     * Runs a change to schedules or overrides in a transaction, then marks this replica's on-call snapshot
     * stale once it committed, so the caller reads its own write; other replicas hear of it by NOTIFY.
     */
    private <T> Uni<T> changing(java.util.function.Supplier<Uni<T>> change) {
        return Panache.withTransaction(change).invoke(snapshot::changed);
    }

    @WithSession
    public Uni<Schedule> get(UUID id) {
        return require(id);
    }

    @WithSession
    public Uni<List<Schedule>> ofTeam(String teamId) {
        return teams.require(teamId).chain(team -> schedules.ofTeam(teamId));
    }

    Uni<Schedule> require(UUID id) {
        return schedules.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Schedule", id));
    }

    /** A draft turned into layers, or a 400 naming every bad field. */
    private record Checked(ZoneId zone, List<Layer> layers, Set<String> participants, List<String> succession) {
    }

    private static Checked check(Drafts.ScheduleDraft draft) {
        List<Violation> violations = new ArrayList<>();
        if (draft == null) {
            throw ProblemException.invalid(List.of(new Violation("", "a schedule needs a name, a role, a time zone and layers")));
        }
        if (draft.name() == null || draft.name().isBlank() || draft.name().length() > 200) {
            violations.add(new Violation("name", "must be 1-200 characters"));
        }
        if (draft.role() == null) {
            violations.add(new Violation("role", "must be INCIDENT_COMMANDER, COMMS_LEAD, TECH_LEAD or TEAM_ON_CALL"));
        }
        ZoneId zone = null;
        try {
            zone = draft.timeZone() == null ? null : ZoneId.of(draft.timeZone());
        } catch (DateTimeException e) {
            zone = null;
        }
        if (zone == null) {
            violations.add(new Violation("timeZone", "must be an IANA time zone such as Europe/Berlin"));
        }
        List<Layer> layers = new ArrayList<>();
        Set<String> participants = new LinkedHashSet<>();
        if (draft.layers() == null || draft.layers().isEmpty()) {
            violations.add(new Violation("layers", "must hold at least one layer"));
        } else {
            for (int i = 0; i < draft.layers().size(); i++) {
                Drafts.LayerDraft l = draft.layers().get(i);
                try {
                    Layer layer = new Layer(l.name(), l.start(), l.end(), l.length(), l.participants(), l.restrictions());
                    if (layer.participants().stream().anyMatch(p -> p == null || p.isBlank())) {
                        throw new IllegalArgumentException("a participant is not a user name");
                    }
                    layers.add(layer);
                    participants.addAll(layer.participants());
                } catch (IllegalArgumentException | NullPointerException e) {
                    violations.add(new Violation("layers[" + i + "]", e.getMessage() == null ? "is incomplete" : e.getMessage()));
                }
            }
        }
        List<String> succession = draft.succession() == null ? List.of() : draft.succession();
        for (int i = 0; i < succession.size(); i++) {
            if (succession.get(i) == null || succession.get(i).isBlank()) {
                violations.add(new Violation("succession[" + i + "]", "must be a user name"));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return new Checked(zone, layers, participants, List.copyOf(new LinkedHashSet<>(succession)));
    }

    private static ScheduleOverride checkOverride(Drafts.OverrideDraft draft) {
        List<Violation> violations = new ArrayList<>();
        if (draft == null || draft.person() == null || draft.person().isBlank()) {
            violations.add(new Violation("person", "must name who covers"));
        }
        if (draft == null || draft.start() == null) {
            violations.add(new Violation("start", "must be an RFC 3339 timestamp"));
        }
        if (draft == null || draft.end() == null) {
            violations.add(new Violation("end", "must be an RFC 3339 timestamp"));
        }
        if (violations.isEmpty() && !draft.end().isAfter(draft.start())) {
            violations.add(new Violation("end", "must be after start"));
        }
        if (violations.isEmpty() && draft.person().equals(draft.replaces())) {
            violations.add(new Violation("replaces", "nobody overrides themselves"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        String replaces = draft.replaces() == null || draft.replaces().isBlank() ? null : draft.replaces().strip();
        return new ScheduleOverride(UUID.randomUUID(), draft.person().strip(), replaces, draft.start(), draft.end());
    }

    /** Everyone scheduled into a role must hold it now (lapses later are the gaps report's job); team on-call takes members. */
    private Uni<Void> requireEligible(Team team, ResponseRole role, Set<String> people, String field) {
        if (!role.qualificationRequired()) {
            List<Violation> outsiders = people.stream().filter(p -> !team.hasMember(p))
                    .map(p -> new Violation(field, p + " is not a member of team " + team.id)).toList();
            return outsiders.isEmpty() ? Uni.createFrom().voidItem() : Uni.createFrom().failure(unqualified(outsiders));
        }
        Instant now = clock.instant();
        return qualifications.periods(people).chain(periods -> {
            List<Violation> gaps = new ArrayList<>();
            for (String person : people) {
                boolean valid = periods.getOrDefault(person, List.of()).stream().anyMatch(p -> p.role() == role && p.validAt(now));
                if (!valid) {
                    gaps.add(new Violation(field, person + " holds no valid " + role + " qualification at " + now));
                }
            }
            return gaps.isEmpty() ? Uni.createFrom().voidItem() : Uni.createFrom().failure(unqualified(gaps));
        });
    }

    private Uni<Void> requireQualifiedThroughout(Team team, ResponseRole role, ScheduleOverride o) {
        if (!role.qualificationRequired()) {
            return team.hasMember(o.person()) ? Uni.createFrom().voidItem()
                    : Uni.createFrom().failure(unqualified(List.of(new Violation("person", o.person() + " is not a member of team " + team.id))));
        }
        return qualifications.periods(Set.of(o.person())).chain(periods -> {
            List<QualifiedPeriod> mine = periods.getOrDefault(o.person(), List.of());
            if (Qualifications.coveredThroughout(mine, role, o.start(), o.end())) {
                return Uni.createFrom().voidItem();
            }
            Interval range = new Interval(o.start(), o.end());
            List<Interval> valid = mine.stream().filter(p -> p.role() == role).map(p -> p.within(range))
                    .filter(java.util.Objects::nonNull).toList();
            Interval first = Interval.uncovered(range, valid).get(0);
            return Uni.createFrom().failure(unqualified(List.of(new Violation("person", o.person() + " holds no valid " + role
                    + " qualification from " + first.start() + " to " + first.end()))));
        });
    }

    private static ProblemException unqualified(List<Violation> gaps) {
        return new ProblemException(Problem.of(422, "unqualified", "Not qualified for the role",
                "Everyone put into a response role needs a valid qualification for it (team on-call: team membership)")
                .withViolations(gaps));
    }

    private static void apply(Schedule s, Drafts.ScheduleDraft draft, Checked checked, Actor actor, Instant now) {
        s.name = draft.name().strip();
        s.role = draft.role();
        s.timeZone = checked.zone().getId();
        s.layers = checked.layers();
        s.participants = checked.participants().toArray(String[]::new);
        s.succession = checked.succession().toArray(String[]::new);
        s.updatedBy = actor.user();
        s.updatedAt = now;
    }

    private Uni<?> publish(Schedule s, String change, Actor actor) {
        return outbox.record(EventTypes.SCHEDULE_CHANGED, s.teamId, new ScheduleChanged(s.id, s.teamId, s.role.name(), s.name,
                s.timeZone, List.of(s.participants), List.of(s.succession), s.version, change, actor.user(), s.updatedAt));
    }

    private Uni<?> publishOverride(Schedule s, OverrideEntry o, String change, Actor actor) {
        return outbox.record(EventTypes.OVERRIDE_CHANGED, s.teamId, new OverrideChanged(o.id, s.id, s.teamId, s.role.name(), o.person,
                o.replaces, o.startsAt, o.endsAt, o.reason, change, actor.user(), clock.instant()));
    }
}
