package io.firebreak.response.persistence.oncall;

import io.firebreak.platform.outbox.OutboxConfig;
import io.firebreak.platform.sql.SessionSql;
import io.firebreak.platform.sql.SqlIdentifiers;
import io.firebreak.response.model.oncall.ResponseRole;
import io.firebreak.response.model.oncall.Schedule;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class ScheduleRepository implements PanacheRepositoryBase<Schedule, UUID> {

    private final String revision;
    private final String withParticipant;

    public ScheduleRepository(OutboxConfig config) {
        revision = "select revision from " + SqlIdentifiers.schema(config.schema()) + ".schedule_revision where id = 1";
        withParticipant = "select id from " + SqlIdentifiers.schema(config.schema()) + ".schedule"
                + " where participants @> array[cast(:person as text)] order by team_id, name";
    }

    public Uni<List<Schedule>> ofTeam(String teamId) {
        return list("teamId = ?1 order by role, name", teamId);
    }

    /** Schedules filtered by team and role, either optional. */
    /** These teams' schedules for these roles. */
    public Uni<List<Schedule>> forRoles(List<String> teamIds, List<ResponseRole> roles) {
        return list("teamId in ?1 and role in ?2 order by teamId, role, name", teamIds, roles);
    }

    public Uni<List<Schedule>> matching(String teamId, ResponseRole role) {
        if (teamId != null && role != null) {
            return list("teamId = ?1 and role = ?2 order by teamId, role, name", teamId, role);
        }
        if (teamId != null) {
            return ofTeam(teamId);
        }
        if (role != null) {
            return list("role = ?1 order by teamId, name", role);
        }
        return list("order by teamId, role, name");
    }

    /** The counter every schedule change bumps (see V7): a cached copy is current while it stands still. */
    public Uni<Long> revision() {
        return Panache.getSession().chain(session -> SessionSql.on(session, revision).count());
    }

    public Uni<List<Schedule>> all() {
        return listAll();
    }

    /** Schedules where the person takes turns (by the GIN-indexed participants column). */
    public Uni<List<Schedule>> withParticipant(String person) {
        return Panache.getSession().chain(session -> SessionSql.on(session, withParticipant).bind("person", person).entities(Schedule.class));
    }
}
