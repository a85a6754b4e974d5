package io.firebreak.response.domain.paging;

import io.firebreak.response.model.oncall.ResponseRole;
import io.firebreak.response.model.oncall.Schedule;
import io.firebreak.response.model.paging.EscalationPolicy;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * How a P1 role is paged: the owning team's policy assigned to the role, else its role schedule, else the same from
 * the major-incident team. Pure: it chooses among the policies and schedules of both teams, read once for all the
 * roles of a declaration (the paging transaction asked up to twelve times before, once per team, role and kind).
 */
final class RolePlans {

    /** A policy or a schedule (the other is null). */
    record RolePlan(EscalationPolicy policy, Schedule schedule) {
    }

    private RolePlans() {
    }

    /**
     * @param policies  the teams' policies (any order: among several assigned to the role, the first by name wins)
     * @param schedules the teams' role schedules (any order: the first by name wins)
     * @return the plan, or null when neither team has a way to page the role
     */
    static RolePlan choose(ResponseRole role, String owningTeam, String roleTeam, List<EscalationPolicy> policies, List<Schedule> schedules) {
        for (String team : owningTeam == null ? List.of(roleTeam) : List.of(owningTeam, roleTeam)) {
            EscalationPolicy policy = policies.stream()
                    .filter(p -> team.equals(p.teamId) && p.roles != null && Arrays.asList(p.roles).contains(role.name()))
                    .min(Comparator.comparing(p -> p.name)).orElse(null);
            if (policy != null) {
                return new RolePlan(policy, null);
            }
            Schedule schedule = schedules.stream().filter(s -> team.equals(s.teamId) && s.role == role)
                    .min(Comparator.comparing(s -> s.name)).orElse(null);
            if (schedule != null) {
                return new RolePlan(null, schedule);
            }
        }
        return null;
    }

    /** The teams whose policies and schedules {@link #choose} looks at. */
    static List<String> teams(String owningTeam, String roleTeam) {
        return owningTeam == null || Objects.equals(owningTeam, roleTeam) ? List.of(roleTeam) : List.of(owningTeam, roleTeam);
    }
}
