package io.firebreak.change.api;

import static io.firebreak.change.api.ChangeFixtures.declared;
import static io.firebreak.change.api.ChangeFixtures.events;
import static io.firebreak.change.api.ChangeFixtures.finding;
import static io.firebreak.change.api.ChangeFixtures.post;
import static io.firebreak.change.api.ChangeFixtures.rollback;
import static io.firebreak.change.api.ChangeFixtures.service;
import static io.firebreak.change.api.ChangeFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.firebreak.change.api.ChangeFixtures.Declared;
import io.firebreak.platform.deadline.DeadlineFiring;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Code freezes: an implementation inside one needs a valid, time-bound exception granted with a complete rollback plan. */
@QuarkusTest
class FreezeExceptionsTest {

    private static final String CHANGES = "/api/v1/change/changes/";
    private static final String WINDOWS = "/api/v1/change/freeze-windows";

    private final DeadlineFiring deadlines;

    FreezeExceptionsTest(DeadlineFiring deadlines) {
        this.deadlines = deadlines;
    }

    private static String approvedChange(Declared incident, String target, Map<String, Object> body) {
        String id = post("rita", "responder", body, "/api/v1/change/incidents/" + incident.id() + "/changes").statusCode(201).extract().path("id");
        post("dana", "change-approver", Map.of("reason", "ok"), CHANGES + id + "/approve").statusCode(200);
        return id;
    }

    private static void freeze(String name, List<String> services) {
        Instant now = Instant.now();
        post("carl", "change-approver", Map.of("name", name, "startsAt", now.minus(Duration.ofHours(1)).toString(),
                "endsAt", now.plus(Duration.ofHours(6)).toString(), "services", services, "reason", "Black Friday"), WINDOWS).statusCode(201)
                .body("name", equalTo(name));
    }

    @Test
    void anImplementationDuringAFreezeWithoutAValidExceptionIsRefusedAndWithOneItProceeds() {
        String checkout = service(unique("checkout"));
        Declared incident = declared("P1", checkout);
        UUID f = finding(incident, checkout);
        String window = unique("black-friday");
        freeze(window, List.of(checkout));
        String id = approvedChange(incident, checkout, rollback(checkout, f));

        post("ines", "responder", Map.of(), CHANGES + id + "/start").statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("frozen by " + window)).body("detail", containsString("no valid freeze exception"));
        Instant expires = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        post("rita", "change-approver", Map.of("expiresAt", expires.toString(), "reason", "fix now"), CHANGES + id + "/freeze-exceptions")
                .statusCode(403).body("detail", containsString("requester"));
        post("dana", "change-approver", Map.of("expiresAt", expires.toString(), "reason", "checkout down on Black Friday"),
                CHANGES + id + "/freeze-exceptions").statusCode(201).body("windows", hasItems(window)).body("grantedBy", equalTo("dana"));
        post("ines", "responder", Map.of(), CHANGES + id + "/start").statusCode(200).body("state", equalTo("IMPLEMENTING"));

        var granted = events(incident.id(), "io.firebreak.freeze_exception.granted.v1", 1).get(0);
        assertThat(granted.getList("windows")).contains(window);
        assertThat(granted.getString("expiresAt")).isEqualTo(expires.toString());
    }

    @Test
    void anExceptionNeedsARollbackPlanWithStepsAVerificationCheckAndAnEstimatedTime() {
        String checkout = service(unique("checkout"));
        Declared incident = declared("P1", checkout);
        UUID f = finding(incident, checkout);
        // A window over named services only: the test app is shared, and a freeze of every service would reach other tests.
        freeze(unique("freeze"), List.of(checkout));
        Map<String, Object> thin = rollback(checkout, f);
        thin.put("rollbackPlan", Map.of("steps", List.of("redeploy 1.5.0")));
        String id = approvedChange(incident, checkout, thin);
        post("dana", "change-approver", Map.of("expiresAt", Instant.now().plus(Duration.ofHours(1)).toString(), "reason", "now"),
                CHANGES + id + "/freeze-exceptions").statusCode(400)
                .body("violations.message", hasItems("the rollback plan needs a verification check", "the rollback plan needs an estimated rollback time"));
        post("ines", "responder", Map.of(), CHANGES + id + "/start").statusCode(409);
    }

    @Test
    void anExpiredExceptionRefusesImplementationAndItsExpiryIsPublished() throws Throwable {
        String checkout = service(unique("checkout"));
        Declared incident = declared("P1", checkout);
        UUID f = finding(incident, checkout);
        String window = unique("quarter-end");
        freeze(window, List.of(checkout));
        String id = approvedChange(incident, checkout, rollback(checkout, f));
        Instant expires = Instant.now().plusSeconds(2);
        post("dana", "change-approver", Map.of("expiresAt", expires.toString(), "reason", "short window"), CHANGES + id + "/freeze-exceptions")
                .statusCode(201);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(expires.plusMillis(200)));

        post("ines", "responder", Map.of(), CHANGES + id + "/start").statusCode(409).body("detail", containsString("expired"));
        VertxContextSupport.subscribeAndAwait(() -> deadlines.fireDue(Instant.now()));
        assertThat(events(incident.id(), "io.firebreak.freeze_exception.expired.v1", 1).get(0).getString("expiredAt")).isNotNull();
    }

    @Test
    void aServiceOutsideEveryFreezeNeedsNoExceptionAndWindowsAreValidated() {
        String checkout = service(unique("checkout"));
        String other = service(unique("search"));
        Declared incident = declared("P1", checkout);
        UUID f = finding(incident, checkout);
        freeze(unique("search-freeze"), List.of(other));
        String id = approvedChange(incident, checkout, rollback(checkout, f));
        post("dana", "change-approver", Map.of("expiresAt", Instant.now().plus(Duration.ofHours(1)).toString(), "reason", "x"),
                CHANGES + id + "/freeze-exceptions").statusCode(409).body("detail", containsString("needs no exception"));
        post("ines", "responder", Map.of(), CHANGES + id + "/start").statusCode(200);

        post("carl", "change-approver", Map.of("name", "backwards", "startsAt", "2026-12-02T00:00:00Z", "endsAt", "2026-12-01T00:00:00Z",
                "reason", "r"), WINDOWS).statusCode(400).body("violations.field", hasItems("endsAt"));
        post("rita", "responder", Map.of("name", "n", "startsAt", "2026-12-01T00:00:00Z", "endsAt", "2026-12-02T00:00:00Z", "reason", "r"),
                WINDOWS).statusCode(403);
    }
}
