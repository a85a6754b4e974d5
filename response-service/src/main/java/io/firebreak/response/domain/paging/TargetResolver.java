package io.firebreak.response.domain.paging;

import io.firebreak.response.domain.oncall.Rotations;
import io.firebreak.response.domain.oncall.ScheduleOverride;
import io.firebreak.response.domain.oncall.Shift;
import io.firebreak.response.model.oncall.ResponseRole;
import io.firebreak.response.model.oncall.Schedule;
import io.firebreak.response.model.oncall.Team;
import io.firebreak.response.model.paging.EscalationTarget;
import io.firebreak.response.persistence.oncall.OverrideRepository;
import io.firebreak.response.persistence.oncall.ScheduleRepository;
import io.firebreak.response.persistence.oncall.TeamRepository;
import io.firebreak.response.persistence.oncall.UnavailabilityRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns escalation targets into people at a moment: a schedule's holder (final schedule, overrides
 * included), a named person, or a team's on-call holders — its manager when nobody is on call. People
 * marked unavailable at that moment are left out (their succession is paged instead).
 */
@ApplicationScoped
public class TargetResolver {

    private final ScheduleRepository schedules;
    private final OverrideRepository overrides;
    private final TeamRepository teams;
    private final UnavailabilityRepository unavailability;

    public TargetResolver(ScheduleRepository schedules, OverrideRepository overrides, TeamRepository teams,
                          UnavailabilityRepository unavailability) {
        this.schedules = schedules;
        this.overrides = overrides;
        this.teams = teams;
        this.unavailability = unavailability;
    }

    public Uni<List<Recipient>> resolve(List<EscalationTarget> targets, String teamId, ResponseRole role, Instant at) {
        Uni<List<Recipient>> all = Uni.createFrom().item(new ArrayList<>());
        for (EscalationTarget target : targets) {
            all = all.chain(found -> one(target, teamId, role, at).map(more -> {
                for (Recipient r : more) {
                    if (found.stream().noneMatch(f -> f.person().equals(r.person()))) {
                        found.add(r);
                    }
                }
                return found;
            }));
        }
        return all.chain(found -> available(found, at));
    }

    /** The recipients not marked unavailable at the moment. */
    private Uni<List<Recipient>> available(List<Recipient> recipients, Instant at) {
        if (recipients.isEmpty()) {
            return Uni.createFrom().item(recipients);
        }
        return unavailability.unavailableAt(recipients.stream().map(Recipient::person).toList(), at)
                .map(away -> away.isEmpty() ? recipients : recipients.stream().filter(r -> !away.contains(r.person())).toList());
    }

    private Uni<List<Recipient>> one(EscalationTarget target, String teamId, ResponseRole role, Instant at) {
        return switch (target.type()) {
            case PERSON -> Uni.createFrom().item(List.of(new Recipient(target.ref(), teamId, role)));
            case SCHEDULE -> schedules.findById(UUID.fromString(target.ref()))
                    .chain(s -> s == null ? Uni.createFrom().item(List.<Recipient>of()) : holder(s, at).map(p -> p == null ? List.of()
                            : List.of(new Recipient(p, s.teamId, role != null ? role : s.role == ResponseRole.TEAM_ON_CALL ? null : s.role))));
            case TEAM -> team(target.ref(), at);
        };
    }

    /** A team's on-call holders now, else its manager (somebody must hear about it). */
    public Uni<List<Recipient>> team(String teamId, Instant at) {
        return teams.findById(teamId).chain(team -> {
            if (team == null) {
                return Uni.createFrom().item(List.<Recipient>of());
            }
            return schedules.matching(teamId, ResponseRole.TEAM_ON_CALL).chain(list -> holders(list, at)).chain(people -> {
                List<Recipient> found = new ArrayList<>();
                for (String p : people) {
                    if (found.stream().noneMatch(f -> f.person().equals(p))) {
                        found.add(new Recipient(p, teamId, null));
                    }
                }
                return available(found, at);
            }).chain(found -> found.isEmpty() ? available(List.of(new Recipient(managerOf(team), teamId, null)), at)
                    : Uni.createFrom().item(found));
        });
    }

    private static String managerOf(Team team) {
        return team.manager;
    }

    private Uni<List<String>> holders(List<Schedule> list, Instant at) {
        Uni<List<String>> all = Uni.createFrom().item(new ArrayList<>());
        for (Schedule s : list) {
            all = all.chain(found -> holder(s, at).map(p -> {
                if (p != null) {
                    found.add(p);
                }
                return found;
            }));
        }
        return all;
    }

    public Uni<String> holder(Schedule s, Instant at) {
        return overrides.overlapping(List.of(s.id), at, at.plusMillis(1)).map(list -> {
            List<ScheduleOverride> own = list.stream()
                    .map(o -> new ScheduleOverride(o.id, o.person, o.replaces, o.startsAt, o.endsAt)).toList();
            Shift shift = Rotations.holderAt(s.layers, ZoneId.of(s.timeZone), own, at);
            return shift == null ? null : shift.person();
        });
    }
}
