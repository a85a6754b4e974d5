package io.firebreak.comms.domain.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.comms.model.StatusPageUpdate;
import io.firebreak.events.Priority;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StatusPageRulesTest {

    private static StatusPageUpdate post(UUID incident, String state, String impact, Instant at) {
        StatusPageUpdate u = new StatusPageUpdate();
        u.id = UUID.randomUUID();
        u.incidentId = incident;
        u.headline = "Payments degraded";
        u.state = state;
        u.body = state + " body";
        u.impact = impact;
        u.affectedServices = List.of("checkout");
        u.postedAt = at;
        return u;
    }

    @Test
    void theWorstOpenImpactSetsThePageIndicator() {
        assertThat(StatusPage.indicator(List.of()).indicator()).isEqualTo("none");
        assertThat(StatusPage.impact(Priority.P2)).isEqualTo("major");
        assertThat(StatusPage.impact(Priority.P4)).isEqualTo("none");
        var minor = new StatusPage.PageIncident(UUID.randomUUID(), "a", "investigating", "minor", Instant.EPOCH, Instant.EPOCH, null, List.of());
        var major = new StatusPage.PageIncident(UUID.randomUUID(), "b", "identified", "major", Instant.EPOCH, Instant.EPOCH, null, List.of());
        assertThat(StatusPage.indicator(List.of(minor, major))).isEqualTo(new StatusPage.Indicator("major", "Partial System Outage"));
    }

    @Test
    void anIncidentTakesItsLatestPostsStatusAndListsItsUpdatesNewestFirst() {
        UUID older = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        List<StatusPage.PageIncident> page = StatusPage.group(List.of(post(older, "INVESTIGATING", "critical", t),
                post(older, "RESOLVED", "critical", t.plusSeconds(600)), post(newer, "IDENTIFIED", "minor", t.plusSeconds(900))));
        assertThat(page).extracting(StatusPage.PageIncident::id).containsExactly(newer, older);
        StatusPage.PageIncident resolved = page.get(1);
        assertThat(resolved.status()).isEqualTo("resolved");
        assertThat(resolved.created_at()).isEqualTo(t);
        assertThat(resolved.resolved_at()).isEqualTo(t.plusSeconds(600));
        assertThat(resolved.incident_updates()).extracting(StatusPage.Update::status).containsExactly("resolved", "investigating");
        assertThat(page.get(0).resolved_at()).isNull();
    }
}
