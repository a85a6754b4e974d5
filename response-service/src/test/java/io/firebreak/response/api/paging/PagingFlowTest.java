package io.firebreak.response.api.paging;

import static io.firebreak.response.api.paging.PagingFixtures.declare;
import static io.firebreak.response.api.paging.PagingFixtures.eventTypes;
import static io.firebreak.response.api.paging.PagingFixtures.hook;
import static io.firebreak.response.api.paging.PagingFixtures.key;
import static io.firebreak.response.api.paging.PagingFixtures.mail;
import static io.firebreak.response.api.paging.PagingFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.firebreak.events.IncidentDeclared;
import io.firebreak.events.Priority;
import io.firebreak.platform.deadline.DeadlineFiring;
import io.firebreak.response.domain.paging.Paging;
import io.firebreak.platform.delivery.StandardWebhooks;
import io.firebreak.response.Receivers;
import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestReceiver;
import io.firebreak.testing.TestRun;
import io.firebreak.testing.TestSmtp;
import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.micrometer.core.instrument.MeterRegistry;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** From a declared incident to pages on real channels, escalation, acknowledgement and justified delay. */
@QuarkusTest
class PagingFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final DeadlineFiring deadlines;
    private final MeterRegistry meters;
    private final Paging pagingService;

    PagingFlowTest(DeadlineFiring deadlines, MeterRegistry meters, Paging pagingService) {
        this.deadlines = deadlines;
        this.meters = meters;
        this.pagingService = pagingService;
    }

    /** Deliveries this service sent the moment their transaction committed, without a claim. */
    private double sentAtCommit() {
        var counter = meters.find("firebreak.delivery.sent-at-commit").counter();
        return counter == null ? 0 : counter.count();
    }

    private static JsonPath paging(UUID incident) {
        return given().auth().oauth2(Tokens.as("vera", "viewer")).get("/api/v1/response/incidents/" + incident + "/paging")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Fires every escalation deadline as if {@code ahead} had passed. */
    private void timePasses(Duration ahead) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> deadlines.fireDue(Instant.now().plus(ahead)));
    }

    @Test
    void aDeclaredP1ReachesTheOnCallIncidentCommanderByEmailAndSignedWebhook() {
        String ic = unique("ic");
        String team = PagingFixtures.team("mona", ic);
        PagingFixtures.qualify(ic, "INCIDENT_COMMANDER");
        PagingFixtures.schedule(team, "INCIDENT_COMMANDER", ic, List.of());
        PagingFixtures.verifiedMethod(ic, "EMAIL", mail(ic));
        PagingFixtures.verifiedMethod(ic, "WEBHOOK", hook(ic));
        String service = unique("svc");
        PagingFixtures.service(service, team);
        PagingFixtures.awaitService(team, service);

        UUID incident = UUID.randomUUID();
        String key = key();
        double atCommitBefore = sentAtCommit();
        declare(incident, key, service, "P1", List.of());

        await().atMost(WAIT).until(() -> !TestSmtp.messagesTo(mail(ic)).isEmpty());
        MimeMessage page = TestSmtp.messagesTo(mail(ic)).get(0);
        assertThat(uncheckedSubject(page)).contains("[P1] " + key).contains("incident commander");

        await().atMost(WAIT).until(() -> !Receivers.RECEIVER.received("/pager/" + ic).isEmpty());
        TestReceiver.Received hooked = Receivers.RECEIVER.received("/pager/" + ic).get(0);
        assertThat(StandardWebhooks.verify(PagingFixtures.SECRET, hooked.headers().get("webhook-id"),
                Long.parseLong(hooked.headers().get("webhook-timestamp")), hooked.body(), hooked.headers().get("webhook-signature"))).isTrue();
        JsonPath body = JsonPath.from(hooked.body());
        assertThat(body.getString("type")).isEqualTo("page.triggered");
        assertThat(body.getString("data.incidentKey")).isEqualTo(key);
        assertThat(body.getString("data.acknowledgeUrl")).contains("/api/v1/response/pages/");

        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath p = paging(incident);
            assertThat(p.getString("status")).isEqualTo("ACTIVE");
            assertThat(p.getList("pages.person")).contains(ic);
            assertThat(p.getString("pages.find { it.person == '" + ic + "' }.status")).isEqualTo("DELIVERED");
            assertThat(p.getList("escalations.role")).contains("INCIDENT_COMMANDER");
        });
        List<String> types = eventTypes(incident, found -> found.containsAll(List.of("io.firebreak.page.triggered.v1",
                "io.firebreak.page.delivered.v1")));
        assertThat(types).filteredOn("io.firebreak.page.delivered.v1"::equals).as("delivered is published once per page").hasSize(1);
        assertThat(sentAtCommit() - atCommitBefore).as("both pages left when the declaration's transaction committed, unclaimed")
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void withoutAnAcknowledgementTheNextLevelIsPagedAfterTheWindowAndTheBreachIsPublished() throws Throwable {
        String first = unique("first");
        String second = unique("second");
        String service = PagingFixtures.serviceEscalatingTo(first, second);

        UUID incident = UUID.randomUUID();
        declare(incident, key(), service, "P2", List.of());
        await().atMost(WAIT).until(() -> !TestSmtp.messagesTo(mail(first)).isEmpty());

        timePasses(Duration.ofMinutes(3));
        assertThat(paging(incident).getList("pages.person")).as("still inside the window").containsExactly(first);

        timePasses(Duration.ofMinutes(6));
        await().atMost(WAIT).until(() -> !TestSmtp.messagesTo(mail(second)).isEmpty());
        JsonPath p = paging(incident);
        assertThat(p.getList("pages.person")).containsExactly(first, second);
        assertThat(p.getInt("escalations[0].level")).isEqualTo(1);
        List<String> types = eventTypes(incident, found -> found.containsAll(List.of("io.firebreak.escalation.window_breached.v1",
                "io.firebreak.escalation.escalated.v1")));
        assertThat(types).filteredOn("io.firebreak.escalation.escalated.v1"::equals).hasSize(1);

        timePasses(Duration.ofMinutes(12));
        assertThat(paging(incident).getString("escalations[0].status")).as("past the last level, nobody else to page").isEqualTo("EXHAUSTED");
    }

    @Test
    void acknowledgingByTheLinkStopsTheEscalationAndTheLinkWorksOnce() throws Throwable {
        String first = unique("first");
        String second = unique("second");
        String service = PagingFixtures.serviceEscalatingTo(first, second);
        UUID incident = UUID.randomUUID();
        declare(incident, key(), service, "P2", List.of());
        await().atMost(WAIT).until(() -> !TestSmtp.messagesTo(mail(first)).isEmpty());

        String link = linkIn(TestSmtp.messagesTo(mail(first)).get(0));
        String path = link.substring(link.indexOf("/api/"));
        String pathOnly = path.substring(0, path.indexOf('?'));
        Map<String, String> query = query(path.substring(path.indexOf('?') + 1));

        // A link preview or mail scanner fetches it: that changes nothing.
        given().get(path).then().statusCode(200).contentType(containsString("text/html")).body(containsString("<form method=\"post\""));
        assertThat(paging(incident).getString("status")).isEqualTo("ACTIVE");

        given().contentType(ContentType.URLENC).formParams(query).post(pathOnly).then().statusCode(200)
                .body(containsString("Escalation stopped"));
        JsonPath p = paging(incident);
        assertThat(p.getString("status")).isEqualTo("ACKNOWLEDGED");
        assertThat(p.getString("acknowledgedBy")).isEqualTo(first);
        assertThat(p.getString("acknowledgedVia")).isEqualTo("LINK");

        given().contentType(ContentType.URLENC).formParams(query).post(pathOnly).then().statusCode(410)
                .contentType("application/problem+json");
        Map<String, String> forged = new java.util.HashMap<>(query);
        // A different first character (replacing it by a fixed 'A' left a signature starting with 'A' valid: 410, not 404).
        String sig = query.get("sig");
        forged.put("sig", (sig.charAt(0) == 'A' ? "B" : "A") + sig.substring(1));
        given().contentType(ContentType.URLENC).formParams(forged).post(pathOnly).then().statusCode(404);

        timePasses(Duration.ofMinutes(30));
        Thread.sleep(1_000);
        assertThat(paging(incident).getList("pages.person")).as("nobody else is paged after the acknowledgement").containsExactly(first);
        assertThat(TestSmtp.messagesTo(mail(second))).isEmpty();
    }

    @Test
    void aPageAcknowledgedByItsLinkBeforeItsSendWasRecordedIsDeliveredAndItsChannelIsPublishedOnceTheSendEnds() throws Throwable {
        String person = unique("held");
        String service = PagingFixtures.serviceOnCall(person, "WEBHOOK", hook(person));
        // The receiver takes the page but answers only later: the send is in flight, unrecorded, as when its sender dies.
        Receivers.RECEIVER.hold("/pager/" + person);
        UUID incident = UUID.randomUUID();
        try {
            declare(incident, key(), service, "P2", List.of());
            await().atMost(WAIT).until(() -> !Receivers.RECEIVER.received("/pager/" + person).isEmpty());
            String link = JsonPath.from(Receivers.RECEIVER.received("/pager/" + person).get(0).body()).getString("data.acknowledgeUrl");
            String path = link.substring(link.indexOf("/api/"));
            given().contentType(ContentType.URLENC).formParams(query(path.substring(path.indexOf('?') + 1)))
                    .post(path.substring(0, path.indexOf('?'))).then().statusCode(200);

            JsonPath acknowledged = paging(incident);
            assertThat(acknowledged.getString("pages[0].status")).isEqualTo("ACKNOWLEDGED");
            assertThat(acknowledged.getString("pages[0].deliveredAt")).as("the link's use proves the page arrived").isNotNull();
            assertThat(acknowledged.getString("pages[0].deliveredVia")).isEqualTo("LINK");
        } finally {
            Receivers.RECEIVER.release("/pager/" + person);
        }

        await().atMost(WAIT).untilAsserted(() -> assertThat(paging(incident).getString("pages[0].deliveredVia"))
                .as("the send, cancelled by the acknowledgement while in flight, is still recorded").isEqualTo("WEBHOOK"));
        List<String> types = eventTypes(incident, found -> found.contains("io.firebreak.page.delivered.v1"));
        assertThat(types).filteredOn("io.firebreak.page.delivered.v1"::equals).hasSize(1);
        assertThat(paging(incident).getString("pages[0].status")).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    void anAcknowledgementThatCollidesWithABackgroundWriteOfItsPageIsRunAgainAndSucceeds() throws Exception {
        Paged paged = pagedByMail("collide");
        String person = paged.person();
        UUID incident = paged.incident();
        await().atMost(WAIT).until(() -> "DELIVERED".equals(paging(incident).getString("pages[0].status")));
        String page = paging(incident).getString("pages[0].id");

        // The service's own background work (a delivery being recorded) writes the page while its person acknowledges:
        // the row is changed and held until the acknowledgement's update waits on it, then committed under it.
        try (java.sql.Connection background = io.firebreak.testing.TestPostgres.connect()) {
            background.setAutoCommit(false);
            try (java.sql.PreparedStatement write = background.prepareStatement("update response.page set version = version + 1 where id = ?")) {
                write.setObject(1, UUID.fromString(page));
                assertThat(write.executeUpdate()).isEqualTo(1);
            }
            java.util.concurrent.CompletableFuture<io.restassured.response.Response> ack = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> given().auth().oauth2(Tokens.as(person, "responder")).post("/api/v1/response/incidents/" + incident + "/acknowledgement"));
            await().atMost(WAIT).until(() -> waitingOnALock(background));
            background.commit();

            io.restassured.response.Response answer = ack.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(answer.statusCode()).as("answered %s", answer.asString()).isEqualTo(200);
            assertThat(answer.jsonPath().getBoolean("first")).isTrue();
        }
        JsonPath p = paging(incident);
        assertThat(p.getString("status")).isEqualTo("ACKNOWLEDGED");
        assertThat(p.getString("pages[0].status")).isEqualTo("ACKNOWLEDGED");
    }

    private record Paged(String person, UUID incident) {
    }

    /** A new person alone on a new service's policy, and a P2 declared on it whose page has reached their mailbox. */
    private static Paged pagedByMail(String prefix) {
        String person = unique(prefix);
        String service = PagingFixtures.serviceEscalatingTo(person);
        UUID incident = UUID.randomUUID();
        declare(incident, key(), service, "P2", List.of());
        await().atMost(WAIT).until(() -> !TestSmtp.messagesTo(mail(person)).isEmpty());
        return new Paged(person, incident);
    }

    /** Whether another session's statement waits for a row lock (the acknowledgement's update of the held page). */
    private static boolean waitingOnALock(java.sql.Connection holder) throws java.sql.SQLException {
        try (java.sql.Connection c = io.firebreak.testing.TestPostgres.connect(); java.sql.PreparedStatement q = c.prepareStatement(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query ilike '%page%' and pid <> ?")) {
            q.setInt(1, holder.unwrap(org.postgresql.PGConnection.class).getBackendPID());
            try (java.sql.ResultSet r = q.executeQuery()) {
                return r.next() && r.getInt(1) > 0;
            }
        }
    }

    @Test
    void anAcknowledgementByApiIsPublishedOnceAndLaterOnesOnlyRecordTheEngagement() {
        String first = unique("first");
        String service = PagingFixtures.serviceEscalatingTo(first);
        UUID incident = UUID.randomUUID();
        declare(incident, key(), service, "P2", List.of());
        await().atMost(WAIT).ignoreExceptions().until(() -> paging(incident).getList("pages").size() == 1);

        given().auth().oauth2(Tokens.as(first, "responder")).post("/api/v1/response/incidents/" + incident + "/acknowledgement")
                .then().statusCode(200).body("first", equalTo(true)).body("acknowledgedBy", equalTo(first));
        given().auth().oauth2(Tokens.as("olga", "incident-commander")).post("/api/v1/response/incidents/" + incident + "/acknowledgement")
                .then().statusCode(200).body("first", equalTo(false)).body("acknowledgedBy", equalTo(first));
        given().auth().oauth2(Tokens.as(first, "responder")).post("/api/v1/response/incidents/" + incident + "/acknowledgement")
                .then().statusCode(200).body("first", equalTo(false));

        List<String> types = eventTypes(incident, found -> found.stream().filter("io.firebreak.responder.engaged.v1"::equals).count() >= 2);
        assertThat(types).filteredOn("io.firebreak.page.acknowledged.v1"::equals).hasSize(1);
        assertThat(types).filteredOn("io.firebreak.responder.engaged.v1"::equals).as("first and olga, once each").hasSize(2);
    }

    @Test
    void anAcknowledgementCancelsTheNextLevelsPageThatHasNotReachedItsPersonYet() throws Throwable {
        String first = unique("first");
        String second = unique("second");
        String team = PagingFixtures.team("mona", first, second);
        PagingFixtures.policy(team, 5, first, second);
        PagingFixtures.verifiedMethod(first, "EMAIL", mail(first));
        // The second person is reached by e-mail only 10 minutes into a page: their page waits when the first acknowledges.
        UUID later = PagingFixtures.verifiedMethod(second, "EMAIL", mail(second));
        PagingFixtures.rules(second, "P2", List.of(Map.of("contactMethodId", later.toString(), "delayMinutes", 10)));
        String service = unique("svc");
        PagingFixtures.service(service, team);
        PagingFixtures.awaitService(team, service);
        UUID incident = UUID.randomUUID();
        declare(incident, key(), service, "P2", List.of());
        await().atMost(WAIT).until(() -> !TestSmtp.messagesTo(mail(first)).isEmpty());

        timePasses(Duration.ofMinutes(6));
        await().atMost(WAIT).until(() -> paging(incident).getList("pages.person").contains(second));
        assertThat(paging(incident).getString("pages.find { it.person == '" + second + "' }.status")).isEqualTo("TRIGGERED");

        given().auth().oauth2(Tokens.as(first, "responder")).post("/api/v1/response/incidents/" + incident + "/acknowledgement")
                .then().statusCode(200).body("first", equalTo(true));
        JsonPath p = paging(incident);
        assertThat(p.getString("pages.find { it.person == '" + first + "' }.status")).isEqualTo("ACKNOWLEDGED");
        assertThat(p.getString("pages.find { it.person == '" + second + "' }.status"))
                .as("a page that will never be sent does not stay TRIGGERED").isEqualTo("CANCELLED");
        timePasses(Duration.ofMinutes(15));
        Thread.sleep(1_000);
        assertThat(TestSmtp.messagesTo(mail(second))).as("the waiting step was cancelled with it").isEmpty();
    }

    @Test
    void aDelayNeedsAJustificationAndStaysWithinItsBound() throws Throwable {
        String first = unique("first");
        String second = unique("second");
        String service = PagingFixtures.serviceEscalatingTo(first, second);
        UUID incident = UUID.randomUUID();
        declare(incident, key(), service, "P1", List.of());
        await().atMost(WAIT).ignoreExceptions().until(() -> paging(incident).getList("escalations").size() >= 1);
        JsonPath p = paging(incident);
        String escalation = p.getString("escalations.find { it.kind == 'SERVICE' }.id");
        Instant due = Instant.parse(p.getString("escalations.find { it.kind == 'SERVICE' }.dueAt"));
        String delay = "/api/v1/response/incidents/" + incident + "/escalations/" + escalation + "/delay";

        given().auth().oauth2(Tokens.as("olga", "incident-commander")).contentType(ContentType.JSON)
                .body(Map.of("until", due.plus(Duration.ofMinutes(10)).toString())).post(delay)
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("justification"));
        given().auth().oauth2(Tokens.as("olga", "incident-commander")).contentType(ContentType.JSON)
                .body(Map.of("until", due.plus(Duration.ofMinutes(45)).toString(), "justification", "vendor call at 10:30, L1 is on it"))
                .post(delay).then().statusCode(400).body("violations[0].field", equalTo("until"))
                .body("violations[0].message", containsString("at most 30 minutes"));
        Instant until = due.plus(Duration.ofMinutes(20));
        given().auth().oauth2(Tokens.as("olga", "incident-commander")).contentType(ContentType.JSON)
                .body(Map.of("until", until.toString(), "justification", "vendor call at 10:30, L1 is on it")).post(delay)
                .then().statusCode(200).body("delayedUntil", equalTo(until.toString()));

        timePasses(Duration.ofMinutes(10));
        assertThat(paging(incident).getInt("escalations.find { it.kind == 'SERVICE' }.level")).as("held past its window").isZero();
        timePasses(Duration.ofMinutes(26));
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(paging(incident).getInt("escalations.find { it.kind == 'SERVICE' }.level")).isEqualTo(1));
        given().auth().oauth2(Tokens.as("ada", "auditor")).get("/api/v1/response/admin/audit/escalation-delays/records")
                .then().statusCode(200).body(containsString("vendor call at 10:30"));
    }

    @Test
    void p3PagesNobodyAndADowngradeStopsAPendingEscalation() throws Throwable {
        String first = unique("first");
        String second = unique("second");
        String service = PagingFixtures.serviceEscalatingTo(first, second);

        UUID quiet = UUID.randomUUID();
        declare(quiet, key(), service, "P3", List.of());
        UUID loud = UUID.randomUUID();
        String key = key();
        declare(loud, key, service, "P2", List.of());
        await().atMost(WAIT).ignoreExceptions().until(() -> paging(loud).getList("pages").size() == 1);
        JsonPath q = paging(quiet);
        assertThat(q.getString("status")).isEqualTo("LOW_URGENCY");
        assertThat(q.getList("pages")).isEmpty();

        PagingFixtures.priorityChanged(loud, key, service, "P2", "P4");
        await().atMost(WAIT).ignoreExceptions().until(() -> "STOPPED".equals(paging(loud).getString("status")));
        timePasses(Duration.ofMinutes(10));
        assertThat(paging(loud).getList("pages.person")).containsExactly(first);
        assertThat(paging(loud).getString("escalations[0].status")).isEqualTo("STOPPED");
    }

    @Test
    void aChannelThatRefusesForGoodFallsThroughToTheNextStepAtOnce() throws Throwable {
        String person = unique("fall");
        String team = PagingFixtures.team("mona", person);
        PagingFixtures.policy(team, 5, person);
        String path = "/pager/" + person;
        Receivers.RECEIVER.answer(path, 410); // the chat webhook was deleted: a refusal, not worth retrying
        UUID hook = PagingFixtures.verifiedMethod(person, "SLACK", hook(person));
        UUID mailbox = PagingFixtures.verifiedMethod(person, "EMAIL", mail(person));
        // Chat first; e-mail only 10 minutes later, unless the chat fails before.
        PagingFixtures.rules(person, "P2", List.of(Map.of("contactMethodId", hook.toString(), "delayMinutes", 0),
                Map.of("contactMethodId", mailbox.toString(), "delayMinutes", 10)));
        String service = unique("svc");
        PagingFixtures.service(service, team);
        PagingFixtures.awaitService(team, service);

        UUID incident = UUID.randomUUID();
        declare(incident, key(), service, "P2", List.of());
        await().atMost(WAIT).until(() -> !TestSmtp.messagesTo(mail(person)).isEmpty());
        assertThat(Receivers.RECEIVER.received(path)).as("the chat was tried once").hasSize(1);
        assertThat(JsonPath.from(Receivers.RECEIVER.received(path).get(0).body()).getString("blocks[1].elements[1].url"))
                .contains("/api/v1/response/pages/");
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath p = paging(incident);
            assertThat(p.getString("pages[0].status")).isEqualTo("DELIVERED");
            assertThat(p.getString("pages[0].deliveredVia")).isEqualTo("EMAIL");
        });
    }

    @Test
    void theResponsibleTeamsOfImpactedServicesArePagedToo() {
        String own = unique("own");
        String dependent = unique("dep");
        String team = PagingFixtures.team("mona", own);
        String other = PagingFixtures.team("olaf", dependent);
        PagingFixtures.schedule(other, "TEAM_ON_CALL", dependent, List.of());
        PagingFixtures.policy(team, 5, own);
        String service = unique("svc");
        PagingFixtures.service(service, team);
        PagingFixtures.awaitService(team, service);
        UUID incident = UUID.randomUUID();
        declare(incident, key(), service, "P2", List.of(team, other));
        await().atMost(WAIT).untilAsserted(() -> assertThat(paging(incident).getList("pages.person")).containsExactlyInAnyOrder(own, dependent));
        assertThat(paging(incident).getList("escalations.kind")).containsExactlyInAnyOrder("SERVICE", "RESPONSIBLE_TEAM");
        assertThat(paging(incident).getString("pages.find { it.person == '" + own + "' }.status"))
                .as("no verified method: the page failed, escalation goes on").isEqualTo("FAILED");
    }

    @Test
    void aPolicyAssignedToARoleEscalatesThatRoleInsteadOfTheScheduleSuccession() throws Throwable {
        String ic = unique("ic");
        String backup = unique("backup");
        String deputy = unique("deputy");
        String team = PagingFixtures.team("mona", ic, backup, deputy);
        PagingFixtures.qualify(ic, "INCIDENT_COMMANDER");
        PagingFixtures.qualify(backup, "INCIDENT_COMMANDER");
        String schedule = PagingFixtures.schedule(team, "INCIDENT_COMMANDER", ic, List.of(backup));
        for (String person : List.of(ic, backup, deputy)) {
            PagingFixtures.verifiedMethod(person, "EMAIL", mail(person));
        }
        Map<String, Object> policy = Map.of("name", unique("ic-policy"), "windowP1Minutes", 5, "roles", List.of("INCIDENT_COMMANDER"),
                "levels", List.of(Map.of("targets", List.of(Map.of("type", "SCHEDULE", "ref", schedule))),
                        Map.of("targets", List.of(Map.of("type", "PERSON", "ref", deputy)))));
        String policyId = given().auth().oauth2(Tokens.as("mona", "service-owner")).contentType(ContentType.JSON).body(policy)
                .post("/api/v1/response/teams/" + team + "/escalation-policies").then().statusCode(201)
                .body("roles", org.hamcrest.Matchers.contains("INCIDENT_COMMANDER")).extract().path("id");
        String service = unique("svc");
        PagingFixtures.service(service, team);
        PagingFixtures.awaitService(team, service);

        UUID incident = UUID.randomUUID();
        declare(incident, key(), service, "P1", List.of());
        await().atMost(WAIT).until(() -> !TestSmtp.messagesTo(mail(ic)).isEmpty());
        assertThat(paging(incident).getString("escalations.find { it.role == 'INCIDENT_COMMANDER' }.policyId")).isEqualTo(policyId);

        timePasses(Duration.ofMinutes(6));
        await().atMost(WAIT).until(() -> !TestSmtp.messagesTo(mail(deputy)).isEmpty());
        assertThat(TestSmtp.messagesTo(mail(backup))).as("the policy's second level, not the schedule's succession").isEmpty();

        // One policy per team and role: a new one taking the role over leaves the first without it.
        Map<String, Object> other = new java.util.HashMap<>(policy);
        other.put("name", unique("ic-policy"));
        given().auth().oauth2(Tokens.as("ada", "admin")).contentType(ContentType.JSON).body(other)
                .post("/api/v1/response/teams/" + team + "/escalation-policies").then().statusCode(201);
        given().auth().oauth2(Tokens.as("vera", "viewer")).get("/api/v1/response/escalation-policies/" + policyId)
                .then().statusCode(200).body("roles", org.hamcrest.Matchers.empty());
        other.put("roles", List.of("TEAM_ON_CALL"));
        given().auth().oauth2(Tokens.as("ada", "admin")).contentType(ContentType.JSON).body(other)
                .post("/api/v1/response/teams/" + team + "/escalation-policies").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItem("roles"));
    }

    @Test
    void aDrillIsPagedAsADrillOnEveryChannelAndInItsEvents() throws Exception {
        String person = unique("drill");
        String service = PagingFixtures.serviceEscalatingTo(person);
        UUID incident = UUID.randomUUID();
        declare(incident, key(), service, "P2", List.of(), true);
        await().atMost(WAIT).until(() -> !TestSmtp.messagesTo(mail(person)).isEmpty());
        MimeMessage page = TestSmtp.messagesTo(mail(person)).get(0);
        assertThat(uncheckedSubject(page)).startsWith("[DRILL] [P2]");
        assertThat(page.getContent().toString()).startsWith("[DRILL]");
        assertThat(paging(incident).getBoolean("drill")).isTrue();
        org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> triggered = TestKafkaClient.readUntil(TestRun.topic("response"),
                records -> records.stream().anyMatch(r -> incident.toString().equals(r.key())
                        && "io.firebreak.page.triggered.v1".equals(TestKafkaClient.header(r, "ce_type"))), WAIT).stream()
                .filter(r -> incident.toString().equals(r.key()) && "io.firebreak.page.triggered.v1".equals(TestKafkaClient.header(r, "ce_type")))
                .findFirst().orElseThrow();
        assertThat(JsonPath.from(new String(triggered.value(), java.nio.charset.StandardCharsets.UTF_8)).getBoolean("drill")).isTrue();
    }

    @Test
    void aLinkPostedTwiceAtTheSameMomentAcknowledgesOnceAndRefusesTheOther() throws Exception {
        Paged paged = pagedByMail("twice");
        String person = paged.person();
        UUID incident = paged.incident();
        String link = linkIn(TestSmtp.messagesTo(mail(person)).get(0));
        String path = link.substring(link.indexOf("/api/"));
        String pathOnly = path.substring(0, path.indexOf('?'));
        Map<String, String> query = query(path.substring(path.indexOf('?') + 1));

        // Two clicks (a double click, or the mail link and the chat button) released together.
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService clicks = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Integer>> answers = clicks.invokeAll(List.of(() -> {
                start.await();
                return given().contentType(ContentType.URLENC).formParams(query).post(pathOnly).statusCode();
            }, () -> {
                start.await();
                return given().contentType(ContentType.URLENC).formParams(query).post(pathOnly).statusCode();
            }));
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 410);
        } finally {
            clicks.shutdownNow();
        }
        List<String> types = eventTypes(incident, found -> found.contains("io.firebreak.page.acknowledged.v1"));
        assertThat(types).filteredOn("io.firebreak.page.acknowledged.v1"::equals).hasSize(1);
    }

    /** A service whose team's default policy pages {@code oncall} and whose IC schedule is held by {@code ic}; both reachable by mail. */
    private static String serviceWithOnCallAndIncidentCommander(String oncall, String ic) {
        String team = PagingFixtures.team("mona", ic, oncall);
        PagingFixtures.policy(team, 5, oncall);
        PagingFixtures.qualify(ic, "INCIDENT_COMMANDER");
        PagingFixtures.schedule(team, "INCIDENT_COMMANDER", ic, List.of());
        PagingFixtures.verifiedMethod(ic, "EMAIL", mail(ic));
        PagingFixtures.verifiedMethod(oncall, "EMAIL", mail(oncall));
        String service = unique("svc");
        PagingFixtures.service(service, team);
        PagingFixtures.awaitService(team, service);
        return service;
    }

    /** The rows (as text) an SQL query with the incident as its one parameter answers. */
    private static List<List<String>> rows(String sql, UUID incident) throws Exception {
        List<List<String>> rows = new java.util.ArrayList<>();
        try (java.sql.Connection c = io.firebreak.testing.TestPostgres.connect(); java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, incident);
            try (java.sql.ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    List<String> row = new java.util.ArrayList<>();
                    for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                        row.add(r.getString(i));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** The status of the P1 roles' fallback deadline of an incident, or null without one. */
    private static String rolesDeadline(UUID incident) throws Exception {
        List<List<String>> found = rows("select status from response.deadline where kind = 'response.p1-roles' and subject = ?::text", incident);
        return found.isEmpty() ? null : found.get(0).get(0);
    }

    /** Escalation kind → the id of the transaction that wrote the row (xmin), for the incident's escalations. */
    private static Map<String, String> escalationTransactions(UUID incident) throws Exception {
        Map<String, String> found = new java.util.HashMap<>();
        for (List<String> row : rows("select kind, xmin::text from response.escalation where incident_id = ?", incident)) {
            assertThat(found.put(row.get(0), row.get(1))).as("one escalation of kind %s", row.get(0)).isNull();
        }
        return found;
    }

    @Test
    void aDeclaredP1PagesItsRolesRightAfterTheDeclarationCommitsInATransactionOfTheirOwn() throws Exception {
        String ic = unique("ic");
        String oncall = unique("oncall");
        String service = serviceWithOnCallAndIncidentCommander(oncall, ic);

        UUID incident = UUID.randomUUID();
        declare(incident, key(), service, "P1", List.of());
        await().atMost(WAIT).until(() -> !TestSmtp.messagesTo(mail(ic)).isEmpty() && !TestSmtp.messagesTo(mail(oncall)).isEmpty());

        Map<String, String> written = escalationTransactions(incident);
        assertThat(written).containsOnlyKeys("SERVICE", "ROLE");
        assertThat(written.get("ROLE")).as("the roles committed apart from the service's on-call").isNotEqualTo(written.get("SERVICE"));
        assertThat(rolesDeadline(incident)).as("cancelled by the step after the commit, not fired as the fallback").isEqualTo("CANCELLED");
    }

    @Test
    void aDeclarationWritesItsPagingRowOnceAlreadyHoldingItsFirstPageTimeInTheTransactionOfItsPages() throws Exception {
        String oncall = unique("oncall");
        String service = PagingFixtures.serviceOnCall(oncall, "EMAIL", mail(oncall));

        UUID incident = UUID.randomUUID();
        declare(incident, key(), service, "P2", List.of());
        await().atMost(WAIT).until(() -> !TestSmtp.messagesTo(mail(oncall)).isEmpty());

        List<List<String>> paging = rows("select version, first_page_at is not null, xmin::text from response.incident_paging"
                + " where incident_id = ?", incident);
        assertThat(paging).hasSize(1);
        assertThat(paging.get(0).get(0)).as("inserted once, never updated (an update bumps the version)").isEqualTo("0");
        assertThat(paging.get(0).get(1)).as("the first page's time is in the inserted row").isEqualTo("t");
        assertThat(escalationTransactions(incident)).containsOnlyKeys("SERVICE").containsValue(paging.get(0).get(2));
    }

    @Test
    void theRolesDeadlinePagesADeclaredP1sRolesWhenNothingRanAfterTheCommitAndOnlyOnceHoweverOftenItRuns() throws Throwable {
        String ic = unique("ic");
        String oncall = unique("oncall");
        String service = serviceWithOnCallAndIncidentCommander(oncall, ic);
        UUID incident = UUID.randomUUID();
        Instant now = Instant.now();
        IncidentDeclared declared = new IncidentDeclared(incident, key(), "Checkout down", "declared outside a consumer", service,
                Priority.P1, now.minusSeconds(60), now, "ines", List.of(), false);

        // Outside a consumer's inbox there is no step after the commit: as if the replica died right after it.
        VertxContextSupport.subscribeAndAwait(() -> pagingService.declared(declared));
        assertThat(escalationTransactions(incident)).as("only the service's on-call so far").containsOnlyKeys("SERVICE");
        assertThat(rolesDeadline(incident)).isEqualTo("PENDING");

        VertxContextSupport.subscribeAndAwait(() -> deadlines.fireDue(Instant.now().plus(Duration.ofSeconds(3))));
        await().atMost(WAIT).until(() -> !TestSmtp.messagesTo(mail(ic)).isEmpty());
        assertThat(escalationTransactions(incident)).containsOnlyKeys("SERVICE", "ROLE");
        assertThat(rolesDeadline(incident)).isEqualTo("FIRED");

        // Again, as a late step after the commit would: each role is escalated and paged once.
        VertxContextSupport.subscribeAndAwait(() -> pagingService.rolesDue(incident));
        assertThat(escalationTransactions(incident)).containsOnlyKeys("SERVICE", "ROLE");
        assertThat(pagedPeople(incident)).containsExactlyInAnyOrder(ic, oncall);
    }

    private static List<String> pagedPeople(UUID incident) throws Exception {
        return rows("select person from response.page where incident_id = ?", incident).stream().map(row -> row.get(0)).toList();
    }

    @Test
    void aTemporaryP1OfALowUrgencyIncidentPagesTheTeamAndTheP1RolesFromThen() {
        String ic = unique("ic");
        String oncall = unique("oncall");
        String service = serviceWithOnCallAndIncidentCommander(oncall, ic);

        UUID incident = UUID.randomUUID();
        String key = key();
        declare(incident, key, service, "P3", List.of());
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(paging(incident).getString("status")).isEqualTo("LOW_URGENCY"));
        assertThat(paging(incident).getList("pages")).isEmpty();

        PagingFixtures.priorityChanged(incident, key, service, "P3", "P1", "TEMPORARY_P1_DESIGNATED");
        await().atMost(WAIT).until(() -> !TestSmtp.messagesTo(mail(ic)).isEmpty() && !TestSmtp.messagesTo(mail(oncall)).isEmpty());
        JsonPath p = paging(incident);
        assertThat(p.getString("status")).isEqualTo("ACTIVE");
        assertThat(p.getString("priority")).isEqualTo("P1");
        assertThat(p.getList("escalations.kind")).contains("SERVICE", "ROLE");
        assertThat(uncheckedSubject(TestSmtp.messagesTo(mail(ic)).get(0))).contains("[P1]").contains("incident commander");
    }

    @Test
    void anUpgradeFromP2ToP1AddsTheRoleEscalationsAndKeepsTheTeams() {
        String ic = unique("ic");
        String oncall = unique("oncall");
        String service = serviceWithOnCallAndIncidentCommander(oncall, ic);

        UUID incident = UUID.randomUUID();
        String key = key();
        declare(incident, key, service, "P2", List.of());
        await().atMost(WAIT).until(() -> !TestSmtp.messagesTo(mail(oncall)).isEmpty());
        assertThat(TestSmtp.messagesTo(mail(ic))).as("no role is paged for a P2").isEmpty();

        PagingFixtures.priorityChanged(incident, key, service, "P2", "P1");
        await().atMost(WAIT).until(() -> !TestSmtp.messagesTo(mail(ic)).isEmpty());
        JsonPath p = paging(incident);
        assertThat(p.getList("escalations.kind")).containsExactlyInAnyOrder("SERVICE", "ROLE");
        assertThat(p.getList("pages.person")).as("the team's page is not repeated").containsOnlyOnce(oncall);
    }

    private static String uncheckedSubject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String linkIn(MimeMessage m) throws Exception {
        String text = m.getContent().toString();
        Matcher matcher = Pattern.compile("(https?://\\S+/ack\\?\\S+)").matcher(text);
        assertThat(matcher.find()).as("a link in: %s", text).isTrue();
        return matcher.group(1);
    }

    private static Map<String, String> query(String q) {
        Map<String, String> map = new java.util.HashMap<>();
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            map.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        return map;
    }
}
