package io.firebreak.response.domain.oncall;

import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.security.Actor;
import io.firebreak.platform.security.Roles;
import io.firebreak.response.model.oncall.Team;

/**
 * Object-level rights on a team's on-call configuration: roles admit the endpoint, membership of
 * the team decides the object. A service owner of another team is refused.
 */
public final class OnCallRights {

    private OnCallRights() {
    }

    /** Schedules (and later escalation policies): the team's manager, its members who are service owners, or an admin. */
    public static void requireScheduleEditor(Actor actor, Team team) {
        if (actor.isAdmin() || team.manager.equals(actor.user())) {
            return;
        }
        if (actor.has(Roles.SERVICE_OWNER) && team.hasMember(actor.user())) {
            return;
        }
        throw ProblemException.forbidden(actor.user() + " may not change the schedules of team " + team.id
                + " (its manager, its service owners and admins may)");
    }

    /** Overrides: any member of the team in a responding role, its manager, or an admin. */
    public static void requireOverrideEditor(Actor actor, Team team) {
        if (actor.isAdmin() || team.manager.equals(actor.user())) {
            return;
        }
        if (team.hasMember(actor.user()) && actor.hasAny(Roles.RESPONDER, Roles.INCIDENT_COMMANDER, Roles.COMMS_LEAD,
                Roles.TECH_LEAD, Roles.SERVICE_OWNER)) {
            return;
        }
        throw ProblemException.forbidden(actor.user() + " may not change the overrides of team " + team.id
                + " (its members, its manager and admins may)");
    }

    /** Whether the actor manages one of the teams a person is in (the person's qualifications and availability are theirs to record). */
    public static boolean managesATeamOf(Actor actor, java.util.List<Team> teamsOfPerson) {
        return teamsOfPerson.stream().anyMatch(t -> t.manager.equals(actor.user()));
    }

    /** A team's name, manager and members: its manager or an admin. */
    public static void requireTeamManager(Actor actor, Team team) {
        if (!actor.isAdmin() && !team.manager.equals(actor.user())) {
            throw ProblemException.forbidden(actor.user() + " is not the manager of team " + team.id);
        }
    }
}
