package io.firebreak.response.domain.paging;

import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actor;
import io.firebreak.response.domain.oncall.OnCallRights;
import io.firebreak.response.model.oncall.Team;
import io.firebreak.response.model.oncall.ResponseRole;
import io.firebreak.response.model.paging.EscalationLevel;
import io.firebreak.response.model.paging.EscalationPolicy;
import io.firebreak.response.model.paging.EscalationTarget;
import io.firebreak.response.persistence.oncall.ScheduleRepository;
import io.firebreak.response.persistence.oncall.TeamRepository;
import io.firebreak.response.persistence.paging.EscalationPolicyRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A team's escalation policies, kept by the same people who keep its schedules. */
@ApplicationScoped
public class EscalationPolicies {

    private final EscalationPolicyRepository policies;
    private final TeamRepository teams;
    private final ScheduleRepository schedules;
    private final Clock clock;

    public EscalationPolicies(EscalationPolicyRepository policies, TeamRepository teams, ScheduleRepository schedules, Clock clock) {
        this.policies = policies;
        this.teams = teams;
        this.schedules = schedules;
        this.clock = clock;
    }

    /**
     * What callers send: levels, repeats, windows per priority in minutes, whether the team's services use
     * it, and the team's response roles it escalates (instead of the role schedule's holder and succession).
     */
    public record PolicyDraft(String name, List<EscalationLevel> levels, Integer repeatCount, Integer windowP1Minutes,
                              Integer windowP2Minutes, Boolean isDefault, List<ResponseRole> roles) {
    }

    @WithTransaction
    public Uni<EscalationPolicy> create(Actor actor, String teamId, PolicyDraft draft) {
        return team(teamId).chain(team -> {
            OnCallRights.requireScheduleEditor(actor, team);
            return check(draft).chain(() -> clearDefault(team, draft, null)).chain(() -> takeRoles(team, draft, null)).chain(() -> {
                EscalationPolicy p = new EscalationPolicy();
                p.id = UUID.randomUUID();
                p.teamId = team.id;
                apply(p, draft, actor);
                return policies.persist(p);
            });
        });
    }

    @WithTransaction
    public Uni<EscalationPolicy> update(Actor actor, UUID id, PolicyDraft draft) {
        return require(id).chain(p -> team(p.teamId).chain(team -> {
            OnCallRights.requireScheduleEditor(actor, team);
            return check(draft).chain(() -> clearDefault(team, draft, p.id)).chain(() -> takeRoles(team, draft, p.id)).chain(() -> {
                apply(p, draft, actor);
                return policies.flush().replaceWith(p);
            });
        }));
    }

    @WithTransaction
    public Uni<Void> delete(Actor actor, UUID id) {
        return require(id).chain(p -> team(p.teamId).chain(team -> {
            OnCallRights.requireScheduleEditor(actor, team);
            return policies.delete(p);
        }));
    }

    @WithSession
    public Uni<EscalationPolicy> get(UUID id) {
        return require(id);
    }

    @WithSession
    public Uni<List<EscalationPolicy>> ofTeam(String teamId) {
        return team(teamId).chain(t -> policies.ofTeam(teamId));
    }

    private Uni<EscalationPolicy> require(UUID id) {
        return policies.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Escalation policy", id));
    }

    private Uni<Team> team(String id) {
        return teams.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Team", id));
    }

    /** Only one default per team: making this one the default demotes the other. */
    private Uni<Void> clearDefault(Team team, PolicyDraft draft, UUID keep) {
        if (!Boolean.TRUE.equals(draft.isDefault())) {
            return Uni.createFrom().voidItem();
        }
        return policies.defaultOf(team.id).chain(current -> {
            if (current == null || current.id.equals(keep)) {
                return Uni.createFrom().voidItem();
            }
            current.isDefault = false;
            return policies.flush();
        });
    }

    /** One policy per team and role: a policy taking roles over removes them from the team's other policies. */
    private Uni<Void> takeRoles(Team team, PolicyDraft draft, UUID keep) {
        if (draft.roles() == null || draft.roles().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> taken = draft.roles().stream().map(Enum::name).toList();
        return policies.ofTeam(team.id).chain(list -> {
            for (EscalationPolicy other : list) {
                if (!other.id.equals(keep) && java.util.Arrays.stream(other.roles).anyMatch(taken::contains)) {
                    other.roles = java.util.Arrays.stream(other.roles).filter(r -> !taken.contains(r)).toArray(String[]::new);
                }
            }
            return policies.flush();
        });
    }

    private void apply(EscalationPolicy p, PolicyDraft draft, Actor actor) {
        p.name = draft.name().strip();
        p.levels = List.copyOf(draft.levels());
        p.repeatCount = draft.repeatCount() == null ? 0 : draft.repeatCount();
        p.windowP1Seconds = (draft.windowP1Minutes() == null ? 5 : draft.windowP1Minutes()) * 60;
        p.windowP2Seconds = (draft.windowP2Minutes() == null ? 15 : draft.windowP2Minutes()) * 60;
        p.isDefault = Boolean.TRUE.equals(draft.isDefault());
        p.roles = draft.roles() == null ? new String[0] : draft.roles().stream().distinct().map(Enum::name).toArray(String[]::new);
        p.updatedBy = actor.user();
        p.updatedAt = clock.instant();
    }

    /** Every field and every target checked; schedules and teams named must exist. */
    private Uni<Void> check(PolicyDraft draft) {
        List<Violation> violations = new ArrayList<>();
        if (draft == null) {
            return Uni.createFrom().failure(ProblemException.invalid(List.of(new Violation("", "a policy needs a name and levels"))));
        }
        if (draft.name() == null || draft.name().isBlank() || draft.name().length() > 200) {
            violations.add(new Violation("name", "must be 1-200 characters"));
        }
        if (draft.repeatCount() != null && (draft.repeatCount() < 0 || draft.repeatCount() > 9)) {
            violations.add(new Violation("repeatCount", "must be between 0 and 9"));
        }
        if (draft.windowP1Minutes() != null && (draft.windowP1Minutes() < 1 || draft.windowP1Minutes() > 1440)) {
            violations.add(new Violation("windowP1Minutes", "must be between 1 and 1440"));
        }
        if (draft.windowP2Minutes() != null && (draft.windowP2Minutes() < 1 || draft.windowP2Minutes() > 1440)) {
            violations.add(new Violation("windowP2Minutes", "must be between 1 and 1440"));
        }
        if (draft.roles() != null && draft.roles().stream().anyMatch(r -> r == null || r == ResponseRole.TEAM_ON_CALL)) {
            violations.add(new Violation("roles", "may name INCIDENT_COMMANDER, COMMS_LEAD and TECH_LEAD (the team's services use the default policy)"));
        }
        List<UUID> scheduleRefs = new ArrayList<>();
        List<String> teamRefs = new ArrayList<>();
        if (draft.levels() == null || draft.levels().isEmpty() || draft.levels().size() > 10) {
            violations.add(new Violation("levels", "must hold 1 to 10 levels"));
        } else {
            for (int i = 0; i < draft.levels().size(); i++) {
                EscalationLevel level = draft.levels().get(i);
                String at = "levels[" + i + "]";
                if (level == null || level.targets() == null || level.targets().isEmpty()) {
                    violations.add(new Violation(at + ".targets", "must name at least one target"));
                    continue;
                }
                if (level.delayMinutes() != null && (level.delayMinutes() < 1 || level.delayMinutes() > 1440)) {
                    violations.add(new Violation(at + ".delayMinutes", "must be between 1 and 1440"));
                }
                for (int j = 0; j < level.targets().size(); j++) {
                    EscalationTarget t = level.targets().get(j);
                    String field = at + ".targets[" + j + "]";
                    if (t == null || t.type() == null || t.ref() == null || t.ref().isBlank()) {
                        violations.add(new Violation(field, "needs a type (SCHEDULE, PERSON, TEAM) and a ref"));
                    } else if (t.type() == EscalationTarget.Type.SCHEDULE) {
                        try {
                            scheduleRefs.add(UUID.fromString(t.ref()));
                        } catch (IllegalArgumentException e) {
                            violations.add(new Violation(field + ".ref", "must be a schedule id"));
                        }
                    } else if (t.type() == EscalationTarget.Type.TEAM) {
                        teamRefs.add(t.ref());
                    }
                }
            }
        }
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(violations));
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID s : scheduleRefs) {
            chain = chain.chain(() -> schedules.findById(s).chain(found -> found != null ? Uni.createFrom().voidItem()
                    : Uni.createFrom().failure(ProblemException.invalid(List.of(new Violation("levels", "schedule " + s + " does not exist"))))));
        }
        for (String t : teamRefs) {
            chain = chain.chain(() -> teams.findById(t).chain(found -> found != null ? Uni.createFrom().voidItem()
                    : Uni.createFrom().failure(ProblemException.invalid(List.of(new Violation("levels", "team " + t + " does not exist"))))));
        }
        return chain;
    }
}
