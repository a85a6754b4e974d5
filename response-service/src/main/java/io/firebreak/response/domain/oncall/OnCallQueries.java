package io.firebreak.response.domain.oncall;

import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.response.model.oncall.OverrideEntry;
import io.firebreak.response.model.oncall.ResponseRole;
import io.firebreak.response.model.oncall.Schedule;
import io.firebreak.response.persistence.oncall.OverrideRepository;
import io.firebreak.response.persistence.oncall.ScheduleRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Who is on call: the final schedule of a range, the gaps in it, and every role holder at a moment. */
@ApplicationScoped
public class OnCallQueries {

    /** The longest range one answer covers; a year of hourly turns would be a denial of service. */
    public static final Duration MAX_RANGE = Duration.ofDays(93);

    private final ScheduleRepository schedules;
    private final OverrideRepository overrides;
    private final Schedules scheduleLookup;
    private final Qualifications qualifications;
    private final ScheduleSnapshot snapshot;

    public OnCallQueries(ScheduleRepository schedules, OverrideRepository overrides, Schedules scheduleLookup,
                         Qualifications qualifications, ScheduleSnapshot snapshot) {
        this.snapshot = snapshot;
        this.schedules = schedules;
        this.overrides = overrides;
        this.scheduleLookup = scheduleLookup;
        this.qualifications = qualifications;
    }

    /** Someone holding a schedule's role at a moment (person null: nobody), with the backups to page after them. */
    public record Holder(Schedule schedule, Shift shift, List<String> succession) {
    }

    @WithSession
    public Uni<List<Shift>> finalSchedule(UUID scheduleId, Instant from, Instant to) {
        Interval range = range(from, to);
        return scheduleLookup.require(scheduleId).chain(s -> overridesOf(List.of(s), range)
                .map(byId -> compute(s, byId.getOrDefault(s.id, List.of()), range)));
    }

    @WithSession
    public Uni<List<Gap>> gaps(UUID scheduleId, Instant from, Instant to) {
        Interval range = range(from, to);
        return scheduleLookup.require(scheduleId).chain(s -> overridesOf(List.of(s), range).chain(byId -> {
            List<Shift> shifts = compute(s, byId.getOrDefault(s.id, List.of()), range);
            List<String> people = shifts.stream().map(Shift::person).distinct().toList();
            return qualifications.periods(people).map(periods -> ScheduleGaps.find(shifts, range, s.role, periods));
        }));
    }

    /**
     * Every matching schedule's holder at {@code at}; team and role filter when given. Schedules and the
     * overrides of the past week and the future come from memory ({@link ScheduleSnapshot});
     * an earlier moment reads its overrides from the database. No session of its own: while the snapshot
     * is current, answering needs no connection.
     */
    public Uni<List<Holder>> onCallAt(Instant at, String teamId, ResponseRole role) {
        return snapshot.state().chain(state -> (state.coversOverridesAt(at) ? Uni.createFrom().item(state.overrides())
                : overrides.covering(at).map(OnCallQueries::bySchedule)).map(byId -> {
            List<Holder> holders = new ArrayList<>();
            for (ScheduleSnapshot.Entry e : state.entries()) {
                if ((teamId == null || teamId.equals(e.teamId())) && (role == null || role == e.role())) {
                    Shift shift = Rotations.holderAt(e.layers(), e.zone(), byId.getOrDefault(e.id(), List.of()), at);
                    holders.add(new Holder(e.schedule(), shift, e.succession()));
                }
            }
            holders.sort(java.util.Comparator.comparing((Holder h) -> h.schedule().teamId).thenComparing(h -> h.schedule().role)
                    .thenComparing(h -> h.schedule().name));
            return holders;
        }));
    }

    /** The person's own shifts in every schedule they take part in or cover by override, for their calendar. */
    @WithSession
    public Uni<List<Map.Entry<Schedule, Shift>>> shiftsOf(String person, Instant from, Instant to) {
        Interval range = range(from, to);
        return schedules.withParticipant(person).chain(own -> overrides.schedulesCoveredBy(person, range.start(), range.end())
                .chain(covered -> {
                    List<UUID> missing = covered.stream().filter(id -> own.stream().noneMatch(s -> s.id.equals(id))).toList();
                    return missing.isEmpty() ? Uni.createFrom().item(own)
                            : schedules.list("id in ?1", missing).map(more -> {
                                List<Schedule> all = new ArrayList<>(own);
                                all.addAll(more);
                                return all;
                            });
                }))
                .chain(list -> overridesOf(list, range).map(byId -> {
            List<Map.Entry<Schedule, Shift>> mine = new ArrayList<>();
            for (Schedule s : list) {
                for (Shift shift : compute(s, byId.getOrDefault(s.id, List.of()), range)) {
                    if (shift.person().equals(person)) {
                        mine.add(Map.entry(s, shift));
                    }
                }
            }
            mine.sort(Map.Entry.comparingByValue(Rotations.BY_START));
            return mine;
        }));
    }

    private Uni<Map<UUID, List<ScheduleOverride>>> overridesOf(List<Schedule> list, Interval range) {
        return overrides.overlapping(list.stream().map(s -> s.id).toList(), range.start(), range.end()).map(OnCallQueries::bySchedule);
    }

    /** Stored overrides by schedule, in the order given (oldest first: a later one wins). */
    static Map<UUID, List<ScheduleOverride>> bySchedule(List<OverrideEntry> found) {
        Map<UUID, List<ScheduleOverride>> byId = new HashMap<>();
        for (OverrideEntry o : found) {
            byId.computeIfAbsent(o.scheduleId, k -> new ArrayList<>()).add(new ScheduleOverride(o.id, o.person, o.replaces, o.startsAt, o.endsAt));
        }
        return byId;
    }

    private static List<Shift> compute(Schedule s, List<ScheduleOverride> list, Interval range) {
        return Rotations.finalSchedule(s.layers, ZoneId.of(s.timeZone), list, range.start(), range.end());
    }

    static Interval range(Instant from, Instant to) {
        if (from == null || to == null) {
            throw ProblemException.invalid(List.of(new Violation(from == null ? "from" : "to", "is required (RFC 3339)")));
        }
        if (!to.isAfter(from)) {
            throw ProblemException.invalid(List.of(new Violation("to", "must be after from")));
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw ProblemException.invalid(List.of(new Violation("to", "a range covers at most " + MAX_RANGE.toDays() + " days")));
        }
        return new Interval(from, to);
    }
}
