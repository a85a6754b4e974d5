package io.firebreak.platform.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.platform.security.Roles;
import io.firebreak.testing.FirebreakTestResource;
import io.firebreak.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * API calls are limited per authenticated subject, not per client address (the test app: 20/s, burst 100): one caller
 * above its rate gets 429 problem+json with Retry-After, while another caller from the same address is served.
 */
@QuarkusTest
@QuarkusTestResource(FirebreakTestResource.class)
class SubjectRateLimitTest {

    private static final String ME = "/api/v1/platform_test/me";

    @Test
    void aSubjectAboveItsRateGets429WhileAnotherSubjectFromTheSameAddressIsServed() throws Exception {
        String busy = Tokens.as("busy-" + UUID.randomUUID(), Roles.VIEWER);
        long started = System.nanoTime();
        List<Response> answers = concurrently(300, () -> given().auth().oauth2(busy).get(ME));
        double seconds = (System.nanoTime() - started) / 1e9;

        long served = answers.stream().filter(r -> r.statusCode() == 200).count();
        List<Response> refused = answers.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(served + refused.size()).as("every answer is 200 or 429").isEqualTo(answers.size());
        // The burst, plus what refilled at 20/s while the calls ran (however slow the machine).
        assertThat(served).as("served in %.1f s", seconds).isBetween(100L, 100L + (long) Math.ceil(20 * seconds) + 2);
        assertThat(refused).isNotEmpty().allSatisfy(r -> {
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.jsonPath().getString("type")).endsWith("/rate-limited");
            assertThat(Long.parseLong(r.header("Retry-After"))).isPositive();
        });

        // Same client address, another subject: its own budget.
        String other = Tokens.as("other-" + UUID.randomUUID(), Roles.VIEWER);
        given().auth().oauth2(other).get(ME).then().statusCode(200);
    }

    @Test
    void anonymousCallsAreNotCountedAgainstAnySubject() throws Exception {
        // Unauthenticated calls end in 401 at the security layer, never in this limit's 429.
        List<Response> answers = concurrently(160, () -> given().get(ME));
        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(401));
        // Endpoints open to everyone (intake, signed links) resolve no identity before the filter: it must not fail them.
        List<Response> open = concurrently(160, () -> given().get("/test/problems/conflict"));
        assertThat(open).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(409));
        // Nor may it read their Authorization header as a token: Alertmanager sends its integration key there.
        given().header("Authorization", "Bearer 0123456789abcdef0123456789abcdef").get("/test/problems/conflict")
                .then().statusCode(409);
    }

    private static List<Response> concurrently(int calls, Callable<Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                futures.add(pool.submit(call));
            }
            List<Response> answers = new ArrayList<>();
            for (Future<Response> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
