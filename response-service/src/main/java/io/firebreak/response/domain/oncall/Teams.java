package io.firebreak.response.domain.oncall;

import io.firebreak.events.EventTypes;
import io.firebreak.events.TeamChanged;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actor;
import io.firebreak.response.model.oncall.Team;
import io.firebreak.response.persistence.oncall.TeamRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/** Response teams: created by admins, kept by their managers. */
@ApplicationScoped
public class Teams {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final TeamRepository teams;
    private final Outbox outbox;
    private final Clock clock;

    public Teams(TeamRepository teams, Outbox outbox, Clock clock) {
        this.teams = teams;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Team> create(Actor actor, String id, Drafts.TeamDraft draft) {
        if (!actor.isAdmin()) {
            return Uni.createFrom().failure(ProblemException.forbidden("Only an admin creates teams"));
        }
        List<Violation> violations = check(draft);
        if (id == null || !ID.matcher(id).matches()) {
            violations.add(0, new Violation("id", "must be 1-63 lower-case letters, digits or dashes, starting with a letter or digit"));
        }
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(violations));
        }
        return teams.findById(id).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(ProblemException.conflict("Team " + id + " exists"));
            }
            Instant now = clock.instant();
            Team team = new Team();
            team.id = id;
            team.createdAt = now;
            apply(team, draft, now);
            return teams.persist(team).call(t -> publish(t, "created", actor));
        });
    }

    @WithTransaction
    public Uni<Team> update(Actor actor, String id, Drafts.TeamDraft draft) {
        return require(id).chain(team -> {
            OnCallRights.requireTeamManager(actor, team);
            // The draft is checked before it is read: a missing body or manager is a 400, not a failure in the comparison.
            List<Violation> violations = check(draft);
            if (!violations.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.invalid(violations));
            }
            if (!actor.isAdmin() && !draft.manager().equals(team.manager)) {
                return Uni.createFrom().failure(ProblemException.forbidden("Only an admin hands a team to another manager"));
            }
            apply(team, draft, clock.instant());
            return publish(team, "updated", actor).replaceWith(team);
        });
    }

    @WithSession
    public Uni<Team> get(String id) {
        return require(id);
    }

    @WithSession
    public Uni<List<Team>> list() {
        return teams.all();
    }

    @WithSession
    public Uni<List<Team>> of(String person) {
        return teams.of(person);
    }

    Uni<Team> require(String id) {
        return teams.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Team", id));
    }

    private static List<Violation> check(Drafts.TeamDraft draft) {
        List<Violation> violations = new ArrayList<>();
        if (draft == null) {
            violations.add(new Violation("", "a team needs a name, a manager and members"));
            return violations;
        }
        if (draft.name() == null || draft.name().isBlank() || draft.name().length() > 200) {
            violations.add(new Violation("name", "must be 1-200 characters"));
        }
        if (draft.manager() == null || draft.manager().isBlank()) {
            violations.add(new Violation("manager", "must name the team's manager (a user name)"));
        }
        if (draft.members() == null) {
            violations.add(new Violation("members", "must be a list of user names (may be empty)"));
        } else {
            for (int i = 0; i < draft.members().size(); i++) {
                String m = draft.members().get(i);
                if (m == null || m.isBlank()) {
                    violations.add(new Violation("members[" + i + "]", "must be a user name"));
                }
            }
        }
        return violations;
    }

    private static void apply(Team team, Drafts.TeamDraft draft, Instant now) {
        team.name = draft.name().strip();
        team.manager = draft.manager().strip();
        team.members = new LinkedHashSet<>(draft.members().stream().map(String::strip).toList()).toArray(String[]::new);
        team.updatedAt = now;
    }

    private Uni<?> publish(Team team, String change, Actor actor) {
        return outbox.record(EventTypes.TEAM_CHANGED, team.id, new TeamChanged(team.id, team.name, team.manager,
                List.of(team.members), change, actor.user(), team.updatedAt));
    }
}
