package io.firebreak.review.api;

import static io.firebreak.review.api.ReviewFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.firebreak.platform.deadline.DeadlineFiring;
import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestRun;
import io.firebreak.testing.TestSmtp;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Metrics' recurrence trigger, sent to its real topic, opens one architectural review per service and cause. */
@QuarkusTest
class ArchitectureReviewsTest {

    private final DeadlineFiring deadlines;

    ArchitectureReviewsTest(DeadlineFiring deadlines) {
        this.deadlines = deadlines;
    }

    private record Recurring(UUID id, String key, Instant declaredAt) {
        String json() {
            return "{\"incidentId\":\"" + id + "\",\"incidentKey\":\"" + key + "\",\"declaredAt\":\"" + declaredAt + "\"}";
        }
    }

    private static Recurring incident(int daysAgo) {
        return new Recurring(UUID.randomUUID(), "INC-2026-" + (10_000 + Math.abs(UUID.randomUUID().getMostSignificantBits() % 89_999_999)),
                Instant.now().minus(Duration.ofDays(daysAgo)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    private static void trigger(String service, String basis, String value, List<Recurring> incidents) {
        String list = String.join(",", incidents.stream().map(Recurring::json).toList());
        TestKafkaClient.send(TestRun.topic("metrics"), service, ("{\"service\":\"" + service + "\",\"basis\":\"" + basis + "\",\"basisValue\":\""
                        + value + "\",\"windowDays\":90,\"threshold\":3,\"incidents\":[" + list + "],\"detectedAt\":\"" + Instant.now() + "\"}")
                        .getBytes(StandardCharsets.UTF_8),
                TestKafkaClient.cloudEventHeaders("metrics", service, "io.firebreak.recurrence.threshold_breached.v1"));
    }

    /** Review's events keyed by the service as "type-suffix:reviewId", read until {@code until} holds. */
    private static List<String> serviceEvents(String service, Function<List<String>, Boolean> until) {
        Function<List<ConsumerRecord<String, byte[]>>, List<String>> mine = records -> records.stream().filter(r -> service.equals(r.key()))
                .map(r -> TestKafkaClient.header(r, "ce_type").replace("io.firebreak.architecture_review.", "").replace(".v1", "") + ":"
                        + JsonPath.from(new String(r.value(), StandardCharsets.UTF_8)).getString("reviewId")).toList();
        return mine.apply(TestKafkaClient.readUntil(TestRun.topic("review"), records -> until.apply(mine.apply(records)), ReviewFixtures.WAIT));
    }

    private static List<JsonPath> serviceEventData(String service, int atLeast) {
        Function<List<ConsumerRecord<String, byte[]>>, List<JsonPath>> mine = records -> records.stream().filter(r -> service.equals(r.key()))
                .map(r -> JsonPath.from(new String(r.value(), StandardCharsets.UTF_8))).toList();
        return mine.apply(TestKafkaClient.readUntil(TestRun.topic("review"), records -> mine.apply(records).size() >= atLeast, ReviewFixtures.WAIT));
    }

    private static String service() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String service = "arch-" + suffix;
        ReviewFixtures.service(service, "team-" + service);
        ReviewFixtures.team("team-" + service, "maria", List.of("sonia"));
        await().atMost(ReviewFixtures.WAIT).untilAsserted(() -> as("vera", "viewer", "GET", "/api/v1/review/services/" + service, null)
                .statusCode(200));
        return service;
    }

    @Test
    void aRecurrenceTriggerOpensOneReviewOwnedByTheTeamsManagerAndALaterTriggerLinksItsIncidentsToIt() {
        String service = service();
        Recurring a = incident(80);
        Recurring b = incident(40);
        Recurring c = incident(3);
        // The team's manager must be known before the trigger names the owner: wait for the membership to arrive.
        await().atMost(ReviewFixtures.WAIT).untilAsserted(() -> as("maria", "service-owner", "PUT", "/api/v1/review/teams/team-" + service + "/tracker",
                Map.of()).statusCode(400));
        trigger(service, "ALERT_FINGERPRINT", "db-pool-exhausted", List.of(c, a, b));
        String path = "/api/v1/review/architecture-reviews?service=" + service;
        await().atMost(ReviewFixtures.WAIT).untilAsserted(() -> as("ed", "executive", "GET", path, null).statusCode(200).body("$", hasSize(1)));
        JsonPath opened = as("ed", "executive", "GET", path, null).extract().jsonPath();
        assertThat(opened.getString("[0].owner")).isEqualTo("maria");
        assertThat(opened.getString("[0].state")).isEqualTo("OPEN");
        assertThat(opened.getString("[0].owningTeam")).isEqualTo("team-" + service);
        assertThat(opened.getList("[0].incidents.incidentKey")).containsExactly(a.key(), b.key(), c.key());
        Instant due = Instant.parse(opened.getString("[0].dueAt"));
        assertThat(due).isBetween(Instant.now().plus(Duration.ofDays(29)), Instant.now().plus(Duration.ofDays(31)));

        Recurring d = incident(1);
        trigger(service, "ALERT_FINGERPRINT", "db-pool-exhausted", List.of(b, c, d));
        await().atMost(ReviewFixtures.WAIT).untilAsserted(() -> as("ed", "executive", "GET", path, null).statusCode(200).body("$", hasSize(1))
                .body("[0].incidents", hasSize(4)));
        // Another cause on the same service is another review; its event follows any the merge could have published.
        trigger(service, "CONTRIBUTING_FACTOR", "design/single-point-of-failure", List.of(a, d));
        await().atMost(ReviewFixtures.WAIT).until(() -> as("ed", "executive", "GET", path, null).extract().jsonPath()
                .getString("find { it.basisValue == 'design/single-point-of-failure' }.id") != null);
        String first = opened.getString("[0].id");
        String other = as("ed", "executive", "GET", path, null).extract().jsonPath().getString("find { it.basisValue == 'design/single-point-of-failure' }.id");
        List<String> events = serviceEvents(service, l -> l.contains("opened:" + other));
        assertThat(events).containsExactly("opened:" + first, "opened:" + other);
        List<JsonPath> data = serviceEventData(service, 2);
        assertThat(data.get(0).getString("owner")).isEqualTo("maria");
        assertThat(data.get(0).getList("incidents")).hasSize(3);
    }

    @Test
    void onlyTheOwnerCompletesAReviewOnceAndAnOpenOneFallsOverdueWithAReminder() throws Throwable {
        String service = service();
        await().atMost(ReviewFixtures.WAIT).untilAsserted(() -> as("maria", "service-owner", "PUT", "/api/v1/review/teams/team-" + service + "/tracker",
                Map.of()).statusCode(400));
        trigger(service, "ALERT_FINGERPRINT", "disk-full", List.of(incident(30), incident(20), incident(10)));
        trigger(service, "ALERT_FINGERPRINT", "cert-expired", List.of(incident(60), incident(50), incident(2)));
        String path = "/api/v1/review/architecture-reviews?service=" + service;
        await().atMost(ReviewFixtures.WAIT).untilAsserted(() -> as("ed", "executive", "GET", path, null).statusCode(200).body("$", hasSize(2)));
        JsonPath list = as("ed", "executive", "GET", path, null).extract().jsonPath();
        String disk = list.getString("find { it.basisValue == 'disk-full' }.id");
        String cert = list.getString("find { it.basisValue == 'cert-expired' }.id");
        String completion = "/api/v1/review/architecture-reviews/" + disk + "/completion";

        as("sonia", "service-owner", "POST", completion, Map.of("outcome", "Move logs off the root volume")).statusCode(403);
        as("maria", "service-owner", "POST", completion, Map.of()).statusCode(400).contentType("application/problem+json");
        as("maria", "service-owner", "POST", completion, Map.of("outcome", "Move logs off the root volume")).statusCode(200)
                .body("state", equalTo("COMPLETED")).body("completedBy", equalTo("maria"));
        as("maria", "service-owner", "POST", completion, Map.of("outcome", "again")).statusCode(409);

        Instant due = Instant.parse(list.getString("find { it.basisValue == 'cert-expired' }.dueAt"));
        VertxContextSupport.subscribeAndAwait(() -> deadlines.fireDue(due.plusSeconds(1)));
        as("ed", "executive", "GET", "/api/v1/review/architecture-reviews/" + cert, null).statusCode(200)
                .body("overdueAt", org.hamcrest.Matchers.notNullValue());
        as("ed", "executive", "GET", "/api/v1/review/architecture-reviews/" + disk, null).statusCode(200).body("overdueAt", org.hamcrest.Matchers.nullValue());
        await().atMost(ReviewFixtures.WAIT).untilAsserted(() -> assertThat(TestSmtp.messagesTo("maria@test.invalid")).extracting(m -> m.getSubject())
                .contains("[Firebreak] Architectural review overdue: " + service));
        List<String> events = serviceEvents(service, l -> l.contains("overdue:" + cert));
        assertThat(events).containsExactlyInAnyOrder("opened:" + disk, "opened:" + cert, "completed:" + disk, "overdue:" + cert);
    }

    @Test
    void incidentsOfARestrictedWarRoomAreCountedButNotNamedToOutsiders() {
        String service = service();
        ReviewFixtures.Declared hidden = ReviewFixtures.declared("P1", false, Instant.now().minus(Duration.ofDays(5)), service);
        ReviewFixtures.send("response", hidden.id(), "io.firebreak.warroom.restricted.v1", "{\"incidentId\":\"" + hidden.id() + "\",\"incidentKey\":\""
                + hidden.key() + "\",\"restricted\":true,\"reason\":\"data exposure\",\"by\":\"ivan\",\"at\":\"" + Instant.now() + "\",\"members\":[\"ivan\"],"
                + "\"drill\":false}");
        // Known to review (the member sees it), then hidden from an outsider who could see it before the restriction.
        await().atMost(ReviewFixtures.WAIT).untilAsserted(() -> as("ivan", "incident-commander", "GET", "/api/v1/review/incidents/" + hidden.id()
                + "/timeline", null).statusCode(200));
        await().atMost(ReviewFixtures.WAIT).untilAsserted(() -> as("tina", "tech-lead", "GET", "/api/v1/review/incidents/" + hidden.id() + "/timeline",
                null).statusCode(404));
        trigger(service, "CONTRIBUTING_FACTOR", "process/missing-runbook",
                List.of(incident(70), new Recurring(hidden.id(), hidden.key(), hidden.declaredAt()), incident(1)));
        String path = "/api/v1/review/architecture-reviews?service=" + service;
        await().atMost(ReviewFixtures.WAIT).untilAsserted(() -> as("ed", "executive", "GET", path, null).statusCode(200).body("$", hasSize(1)));
        as("tina", "tech-lead", "GET", path, null).statusCode(200).body("[0].incidents", hasSize(2)).body("[0].hiddenIncidents", equalTo(1))
                .body("[0].incidents.incidentKey", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(hidden.key())));
        as("ivan", "incident-commander", "GET", path, null).statusCode(200).body("[0].incidents", hasSize(3)).body("[0].hiddenIncidents", equalTo(0));
        as("aude", "auditor", "GET", path, null).statusCode(200).body("[0].incidents", hasSize(3));
        as("ed", "executive", "GET", "/api/v1/review/architecture-reviews?state=SHELVED", null).statusCode(400);
    }
}
