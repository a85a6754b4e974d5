package io.firebreak.response.domain.drill;

import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.security.Actor;
import io.firebreak.platform.security.Roles;
import io.firebreak.response.domain.oncall.OnCallRights;
import io.firebreak.response.model.drill.ReadinessRecord;
import io.firebreak.response.model.oncall.Qualification;
import io.firebreak.response.model.oncall.Team;
import io.firebreak.response.persistence.drill.DrillRepository;
import io.firebreak.response.persistence.oncall.QualificationRepository;
import io.firebreak.response.persistence.oncall.TeamRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Readiness of role holders, per team: for every member qualified for an incident role, when they last took
 * part in a drill in it, when the next is due (quarterly), and how long the qualification still holds. A
 * team's manager and members see their team; auditors and admins every team. Individual drill records are
 * for the person, the managers of their teams, auditors and admins.
 */
@ApplicationScoped
public class Readiness {

    private final TeamRepository teams;
    private final QualificationRepository qualifications;
    private final DrillRepository drills;
    private final Clock clock;

    public Readiness(TeamRepository teams, QualificationRepository qualifications, DrillRepository drills, Clock clock) {
        this.teams = teams;
        this.qualifications = qualifications;
        this.drills = drills;
        this.clock = clock;
    }

    /** One role holder's standing in one role. */
    public record Entry(String person, String role, ReadinessRules.Standing standing) {
    }

    public record TeamReadiness(String teamId, String name, String manager, List<Entry> entries) {
    }

    /**
     * The readiness of one team, or of every team the caller may see; only the people who need attention (drill
     * overdue, qualification lapsed or lapsing within 30 days) unless {@code everyone}.
     */
    @WithSession
    public Uni<List<TeamReadiness>> ofTeams(Actor actor, String teamId, boolean everyone) {
        boolean seesAll = actor.hasAny(Roles.ADMIN, Roles.AUDITOR);
        Uni<List<Team>> chosen;
        if (teamId != null) {
            chosen = teams.findById(teamId).map(team -> {
                if (team == null) {
                    throw ProblemException.notFound("Team", teamId);
                }
                if (!seesAll && !team.manager.equals(actor.user()) && !team.hasMember(actor.user())) {
                    throw ProblemException.forbidden(actor.user() + " is neither the manager nor a member of team " + teamId);
                }
                return List.of(team);
            });
        } else {
            chosen = seesAll ? teams.all() : teams.of(actor.user());
        }
        Instant now = clock.instant();
        return chosen.chain(list -> {
            Set<String> people = new LinkedHashSet<>();
            list.forEach(t -> people.addAll(Arrays.asList(t.members)));
            return qualifications.ofPeople(people).chain(quals -> drills.lastDrills(people).map(last -> {
                Map<String, Instant> lastDrill = new HashMap<>();
                for (Object[] row : last) {
                    lastDrill.put(row[0] + "\u0000" + row[1], (Instant) row[2]);
                }
                Map<String, Qualification> best = bestQualifications(quals, now);
                List<TeamReadiness> result = new ArrayList<>();
                for (Team team : list) {
                    List<Entry> entries = new ArrayList<>();
                    for (String person : team.members) {
                        best.values().stream().filter(q -> q.person.equals(person)).sorted(Comparator.comparing(q -> q.role.name()))
                                .forEach(q -> {
                                    var standing = ReadinessRules.standing(now, lastDrill.get(person + "\u0000" + q.role.name()),
                                            q.validFrom, q.validUntil);
                                    if (everyone || standing.needsAttention()) {
                                        entries.add(new Entry(person, q.role.name(), standing));
                                    }
                                });
                    }
                    result.add(new TeamReadiness(team.id, team.name, team.manager, entries));
                }
                return result;
            }));
        });
    }

    /** A person's drill records, newest first. */
    @WithSession
    public Uni<List<ReadinessRecord>> ofPerson(Actor actor, String person) {
        Uni<Void> allowed = actor.user().equals(person) || actor.hasAny(Roles.ADMIN, Roles.AUDITOR) ? Uni.createFrom().voidItem()
                : teams.of(person).map(of -> {
                    if (!OnCallRights.managesATeamOf(actor, of)) {
                        throw ProblemException.forbidden("Drill records of " + person + " are for them, the managers of their teams,"
                                + " auditors and admins");
                    }
                    return null;
                });
        return allowed.chain(() -> drills.recordsOfPerson(person));
    }

    /**
     * Per person and role the qualification that counts: a valid one lasting longest (no end is longest), else
     * the one that lapsed last. Only incident roles need qualifications; team on-call does not.
     */
    private static Map<String, Qualification> bestQualifications(List<Qualification> quals, Instant now) {
        Comparator<Qualification> better = Comparator
                .comparing((Qualification q) -> !q.validFrom.isAfter(now) && (q.validUntil == null || q.validUntil.isAfter(now)))
                .thenComparing(q -> q.validUntil == null ? Instant.MAX : q.validUntil);
        Map<String, Qualification> best = new HashMap<>();
        for (Qualification q : quals) {
            if (q.role.qualificationRequired()) {
                best.merge(q.person + "\u0000" + q.role.name(), q, (a, b) -> better.compare(a, b) >= 0 ? a : b);
            }
        }
        return best;
    }
}
