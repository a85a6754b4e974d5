package io.firebreak.response.api.paging;

import static io.firebreak.response.api.paging.PagingFixtures.mail;
import static io.firebreak.response.api.paging.PagingFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.events.IncidentDeclared;
import io.firebreak.events.Priority;
import io.firebreak.platform.inbox.CloudEventEnvelope;
import io.firebreak.platform.inbox.Inbox;
import io.firebreak.response.domain.paging.Paging;
import io.firebreak.testing.TestPostgres;
import io.firebreak.testing.TestSmtp;
import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One page per person, level and round per incident, whatever redelivery, crashes and concurrency try. */
@QuarkusTest
class PagingNothingTwiceTest {

    private static final String CONSUMER = "response.paging-test";

    private final Inbox inbox;
    private final Paging paging;
    private final ObjectMapper mapper;

    PagingNothingTwiceTest(Inbox inbox, Paging paging, ObjectMapper mapper) {
        this.inbox = inbox;
        this.paging = paging;
        this.mapper = mapper;
    }

    private CloudEventEnvelope declaration(UUID incident, String service) throws Exception {
        IncidentDeclared declared = new IncidentDeclared(incident, PagingFixtures.key(), "Checkout down", "503s", service, Priority.P2,
                Instant.now(), Instant.now(), "ines", List.of(), false);
        return new CloudEventEnvelope(UUID.randomUUID(), "io.firebreak.incident.declared.v1", "/firebreak/classification",
                incident.toString(), Instant.now(), mapper.writeValueAsBytes(declared));
    }

    private Uni<Void> effect(CloudEventEnvelope e) {
        return paging.declared(e.data(mapper, IncidentDeclared.class)).replaceWithVoid();
    }

    @Test
    void aConsumerKilledAfterPagingAndBeforeCommitLeavesNothingAndTheRedeliveryPagesOnce() throws Throwable {
        String person = unique("p");
        String service = PagingFixtures.serviceEscalatingTo(person);
        UUID incident = UUID.randomUUID();
        CloudEventEnvelope event = declaration(incident, service);

        // The effect ran (pages written, notifications queued) and the process died before the commit.
        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> inbox.process(event, CONSUMER,
                e -> effect(e).chain(() -> Uni.createFrom().failure(new IllegalStateException("killed before commit"))))))
                .hasMessageContaining("killed before commit");
        assertThat(count("select count(*) from response.page where incident_id = cast(? as uuid)", incident)).isZero();
        assertThat(count("select count(*) from response.outbound_delivery where starts_with(reference, 'page:' || ?)", incident)).isZero();
        assertThat(count("select count(*) from response.outbox_event where subject = ?", incident)).isZero();

        // Kafka redelivers the same record, twice even.
        assertThat(VertxContextSupport.subscribeAndAwait(() -> inbox.process(event, CONSUMER, this::effect))).isTrue();
        assertThat(VertxContextSupport.subscribeAndAwait(() -> inbox.process(event, CONSUMER, this::effect))).isFalse();

        await().atMost(Duration.ofSeconds(30)).until(() -> !TestSmtp.messagesTo(mail(person)).isEmpty());
        Thread.sleep(1_000);
        assertThat(count("select count(*) from response.page where incident_id = cast(? as uuid)", incident)).isEqualTo(1);
        assertThat(TestSmtp.messagesTo(mail(person))).as("one mail for one page").hasSize(1);
    }

    @Test
    void twoDeclarationsOfOneIncidentRacingOnTwoConnectionsPageEachPersonOnce() throws Throwable {
        String person = unique("p");
        String service = PagingFixtures.serviceEscalatingTo(person);
        UUID incident = UUID.randomUUID();
        // A replay under a new event id (a restored outbox) races the original: the inbox cannot tell them apart.
        List<CloudEventEnvelope> events = List.of(declaration(incident, service), declaration(incident, service));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (CloudEventEnvelope event : events) {
                runs.add(pool.submit(() -> {
                    start.await();
                    try {
                        return VertxContextSupport.subscribeAndAwait(() -> inbox.process(event, CONSUMER, this::effect));
                    } catch (Throwable e) {
                        return false; // the loser's insert collides; Kafka would redeliver it and it would find the paging
                    }
                }));
            }
            start.countDown();
            for (Future<Boolean> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("select count(*) from response.incident_paging where incident_id = cast(? as uuid)", incident)).isEqualTo(1);
        assertThat(count("select count(*) from response.page where incident_id = cast(? as uuid) and person = ?", incident, person)).isEqualTo(1);
        assertThat(count("select count(*) from response.outbox_event where subject = ? and type = 'io.firebreak.page.triggered.v1'",
                incident)).isEqualTo(1);
    }

    @Test
    void theDatabaseRefusesASecondPageForThePersonAtTheSameLevelOfTheIncident() throws Throwable {
        String person = unique("p");
        String service = PagingFixtures.serviceEscalatingTo(person);
        UUID incident = UUID.randomUUID();
        assertThat(VertxContextSupport.subscribeAndAwait(() -> {
            try {
                return inbox.process(declaration(incident, service), CONSUMER, this::effect);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).isTrue();

        try (Connection c = TestPostgres.connect(); PreparedStatement s = c.prepareStatement(
                "insert into response.page (id, incident_id, escalation_id, level, round, person, urgency, status, triggered_at)"
                        + " select gen_random_uuid(), incident_id, escalation_id, level, round, person, urgency, 'TRIGGERED', now()"
                        + " from response.page where incident_id = cast(? as uuid)")) {
            s.setObject(1, incident);
            assertThatThrownBy(s::executeUpdate).isInstanceOf(SQLException.class).hasMessageContaining("page_once_per_person_level");
        }
    }

    private static long count(String sql, Object... args) {
        try (Connection c = TestPostgres.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i] instanceof UUID u ? u.toString() : args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
