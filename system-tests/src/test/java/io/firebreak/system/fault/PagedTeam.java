package io.firebreak.system.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A run's own on-call set-up through the gateway: a team with a two-level policy (one-minute windows) paging two
 * people by a verified webhook to the run's receiver, and business services of that team, each with an integration
 * key, so that each alert group on its own service declares an incident of its own.
 */
final class PagedTeam {

    private final Api api;
    private final String db;
    final String team;
    final String first;
    final String second;

    PagedTeam(Api api, String db, String run) {
        this.api = api;
        this.db = db;
        this.team = "fault-" + run;
        this.first = "fault-a-" + run;
        this.second = "fault-b-" + run;
    }

    void create(String receiverUrl) throws Exception {
        expect(api.call("admin", "POST", "/api/v1/response/teams", Map.of("id", team, "name", "Run " + team,
                "manager", "service-owner", "members", List.of(first, second))), 201);
        expect(api.call("admin", "POST", "/api/v1/response/teams/" + team + "/escalation-policies", Map.of("name", "fault run",
                "isDefault", true, "repeatCount", 0, "windowP1Minutes", 1, "windowP2Minutes", 1, "levels", List.of(
                        Map.of("targets", List.of(Map.of("type", "PERSON", "ref", first))),
                        Map.of("targets", List.of(Map.of("type", "PERSON", "ref", second)))))), 201);
        // The pagers' verified webhook, stored directly: the people are not Keycloak users, and verifying a
        // contact method is not what these runs are about (the response flow smoke test verifies one the real way).
        try (Connection c = DriverManager.getConnection(db, "postgres", "postgres-local-dev-only");
             PreparedStatement s = c.prepareStatement("insert into response.contact_method (id, person, kind, address, signing_secret,"
                     + " verified_at, created_at) values (?, ?, 'WEBHOOK', ?, 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', now(), now())")) {
            for (String person : List.of(first, second)) {
                s.setObject(1, UUID.randomUUID());
                s.setString(2, person);
                s.setString(3, receiverUrl);
                s.executeUpdate();
            }
        }
    }

    /** {@code count} services of the team named {@code <prefix>-NNN} (tier 1 declares P1, tier 2 P2), groups from {@code firstIndex}. */
    List<AlertLoad.Group> services(String prefix, int count, int tier, int firstIndex) {
        List<AlertLoad.Group> groups = new ArrayList<>();
        for (int i = firstIndex; i < firstIndex + count; i++) {
            String service = String.format(Locale.ROOT, "%s-%03d", prefix, i);
            expect(api.call("service-owner", "POST", "/api/v1/classification/services", Map.of("name", service,
                    "description", "Run " + team, "tier", tier, "owningTeam", team, "owners", List.of("service-owner"),
                    "customerFacing", true, "regulated", false, "usersTotal", 10_000)), 201);
            String key = expect(api.call("service-owner", "POST", "/api/v1/classification/services/" + service + "/integration-keys",
                    Map.of("name", "run")), 201).path("routingKey");
            groups.add(new AlertLoad.Group(i, service, key, prefix + "-" + i));
        }
        return groups;
    }

    /** Response learns service ownership from classification's events: waits until it knows {@code count} services. */
    void awaitKnown(int count) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        while (api.call("admin", "GET", "/api/v1/response/teams/" + team + "/services", null).jsonPath().getList("$").size() < count) {
            assertThat(Instant.now()).as("response knows the run's services").isBefore(giveUp);
            Thread.sleep(1_000);
        }
    }

    static Response expect(Response r, int status) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        return r;
    }
}
