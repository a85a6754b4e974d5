package io.firebreak.response.domain.paging;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.response.model.oncall.ResponseRole;
import io.firebreak.response.model.oncall.Schedule;
import io.firebreak.response.model.paging.EscalationPolicy;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RolePlansTest {

    private static final ResponseRole IC = ResponseRole.INCIDENT_COMMANDER;

    private static EscalationPolicy policy(String team, String name, String... roles) {
        EscalationPolicy p = new EscalationPolicy();
        p.id = UUID.randomUUID();
        p.teamId = team;
        p.name = name;
        p.roles = roles;
        return p;
    }

    private static Schedule schedule(String team, ResponseRole role, String name) {
        Schedule s = new Schedule();
        s.id = UUID.randomUUID();
        s.teamId = team;
        s.role = role;
        s.name = name;
        return s;
    }

    @Test
    void theOwningTeamsPolicyForTheRoleComesBeforeItsRoleSchedule() {
        EscalationPolicy own = policy("payments", "ic", "INCIDENT_COMMANDER");
        var plan = RolePlans.choose(IC, "payments", "incident-command", List.of(policy("payments", "default"), own),
                List.of(schedule("payments", IC, "ic rota")));
        assertThat(plan.policy()).isSameAs(own);
        assertThat(plan.schedule()).isNull();
    }

    @Test
    void theOwningTeamsRoleScheduleComesBeforeAnythingOfTheMajorIncidentTeam() {
        Schedule own = schedule("payments", IC, "ic rota");
        var plan = RolePlans.choose(IC, "payments", "incident-command", List.of(policy("incident-command", "ic", "INCIDENT_COMMANDER")),
                List.of(schedule("incident-command", IC, "a first by name"), own, schedule("payments", ResponseRole.TECH_LEAD, "tech")));
        assertThat(plan.schedule()).isSameAs(own);
    }

    @Test
    void withoutAWayOfItsOwnTheMajorIncidentTeamsPolicyThenScheduleIsUsed() {
        EscalationPolicy central = policy("incident-command", "ic", "INCIDENT_COMMANDER", "COMMS_LEAD");
        Schedule centralRota = schedule("incident-command", IC, "ic rota");
        assertThat(RolePlans.choose(IC, "payments", "incident-command", List.of(policy("payments", "default", "TECH_LEAD"), central),
                List.of(centralRota)).policy()).isSameAs(central);
        assertThat(RolePlans.choose(IC, "payments", "incident-command", List.of(), List.of(centralRota)).schedule()).isSameAs(centralRota);
        assertThat(RolePlans.choose(IC, null, "incident-command", List.of(), List.of(centralRota)).schedule()).isSameAs(centralRota);
    }

    @Test
    void amongSeveralTheFirstByNameWinsWhateverTheOrderRead() {
        Schedule a = schedule("payments", IC, "a rota");
        Schedule b = schedule("payments", IC, "b rota");
        assertThat(RolePlans.choose(IC, "payments", "incident-command", List.of(), List.of(b, a)).schedule()).isSameAs(a);
        EscalationPolicy pa = policy("payments", "a", "INCIDENT_COMMANDER");
        EscalationPolicy pb = policy("payments", "b", "INCIDENT_COMMANDER");
        assertThat(RolePlans.choose(IC, "payments", "incident-command", List.of(pb, pa), List.of()).policy()).isSameAs(pa);
    }

    @Test
    void aRoleNeitherTeamCanPageHasNoPlan() {
        assertThat(RolePlans.choose(IC, "payments", "incident-command", List.of(policy("payments", "default")),
                List.of(schedule("payments", ResponseRole.COMMS_LEAD, "comms rota")))).isNull();
    }

    @Test
    void theTeamsReadAreTheOwningTeamAndTheMajorIncidentTeamOnce() {
        assertThat(RolePlans.teams("payments", "incident-command")).containsExactly("payments", "incident-command");
        assertThat(RolePlans.teams(null, "incident-command")).containsExactly("incident-command");
        assertThat(RolePlans.teams("incident-command", "incident-command")).containsExactly("incident-command");
    }
}
