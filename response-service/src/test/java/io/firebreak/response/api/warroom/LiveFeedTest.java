package io.firebreak.response.api.warroom;

import static io.firebreak.response.api.warroom.WarRoomFixtures.admit;
import static io.firebreak.response.api.warroom.WarRoomFixtures.incidentCommandedBy;
import static io.firebreak.response.api.warroom.WarRoomFixtures.remove;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.firebreak.response.api.paging.PagingFixtures;
import io.firebreak.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The war room's live feed (server-sent events) on real PostgreSQL: members only, live, resumable, closed on removal. */
@QuarkusTest
class LiveFeedTest {

    @TestHTTPResource("/")
    URL base;

    /** One SSE event as a client parses it. */
    record Sse(String id, String event, String data) {
    }

    /** A connected feed: events arrive on a queue; {@code ended} once the server closed the stream. */
    static final class Feed implements AutoCloseable {
        final BlockingQueue<Sse> events = new LinkedBlockingQueue<>();
        final AtomicBoolean ended = new AtomicBoolean();
        final java.util.concurrent.atomic.AtomicInteger heartbeats = new java.util.concurrent.atomic.AtomicInteger();
        final int status;
        private final Thread reader;
        private final java.util.stream.Stream<String> body;

        Feed(HttpResponse<java.util.stream.Stream<String>> response) {
            status = response.statusCode();
            body = response.body();
            reader = new Thread(() -> {
                String id = null;
                String event = null;
                StringBuilder data = new StringBuilder();
                try (var lines = response.body()) {
                    for (String line : (Iterable<String>) lines::iterator) {
                        if (line.isEmpty()) {
                            if (!data.isEmpty()) {
                                events.add(new Sse(id, event, data.toString()));
                            }
                            id = null;
                            event = null;
                            data.setLength(0);
                        } else if (line.startsWith("id:")) {
                            id = line.substring(3).strip();
                        } else if (line.startsWith("event:")) {
                            event = line.substring(6).strip();
                        } else if (line.startsWith(":")) {
                            heartbeats.incrementAndGet();
                        } else if (line.startsWith("data:")) {
                            data.append(line.substring(5).strip());
                        }
                    }
                } catch (RuntimeException e) {
                    // the test closed the connection
                }
                ended.set(true);
            }, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        Sse next() throws InterruptedException {
            Sse e = events.poll(15, TimeUnit.SECONDS);
            assertThat(e).as("an event within 15 s").isNotNull();
            return e;
        }

        /** Events until one of {@code type} arrived (included). */
        List<Sse> until(String type) throws InterruptedException {
            List<Sse> seen = new ArrayList<>();
            Sse e;
            do {
                e = next();
                seen.add(e);
            } while (!type.equals(e.event()));
            return seen;
        }

        @Override
        public void close() {
            body.close();
        }
    }

    private Feed open(UUID incident, String user, String lastEventId, String... roles) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "api/v1/response/incidents/" + incident + "/feed"))
                .header("Authorization", "Bearer " + Tokens.as(user, roles)).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return new Feed(HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofLines()));
    }

    @Test
    void aMemberFollowsTheIncidentLiveAndResumesAfterTheLastEventId() throws Exception {
        String ic = PagingFixtures.unique("ic");
        UUID incident = incidentCommandedBy(ic);

        List<Sse> first;
        try (Feed feed = open(incident, ic, null, "incident-commander")) {
            assertThat(feed.status).isEqualTo(200);
            first = feed.until("io.firebreak.role.assigned.v1");
            assertThat(first).extracting(Sse::event).contains("io.firebreak.warroom.member_added.v1");
            JsonPath data = JsonPath.from(first.get(first.size() - 1).data());
            assertThat(data.getString("type")).isEqualTo("io.firebreak.role.assigned.v1");
            assertThat(data.getString("data.person")).isEqualTo(ic);

            // What happens now reaches the open stream.
            admit(ic, "incident-commander", incident, "pat", "OBSERVER").statusCode(200);
            Sse live = feed.until("io.firebreak.warroom.member_added.v1").stream().reduce((a, b) -> b).orElseThrow();
            assertThat(JsonPath.from(live.data()).getString("data.person")).isEqualTo("pat");
        }

        // A quiet incident still shows the connection alive (heartbeat every 2 s in tests).
        try (Feed quiet = open(incident, ic, first.get(first.size() - 1).id(), "incident-commander")) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(quiet.heartbeats.get()).isGreaterThanOrEqualTo(1));
        }

        // Reconnecting after the first event gives exactly what came after it, in order, and nothing twice.
        try (Feed resumed = open(incident, ic, first.get(0).id(), "incident-commander")) {
            List<Sse> replay = resumed.until("io.firebreak.role.assigned.v1");
            assertThat(replay).extracting(Sse::id).containsExactlyElementsOf(first.subList(1, first.size()).stream().map(Sse::id).toList());
            assertThat(Long.parseLong(replay.get(0).id())).isGreaterThan(Long.parseLong(first.get(0).id()));
        }
    }

    @Test
    void peopleOutsideTheWarRoomGetTheDigestButNotTheFeed() throws Exception {
        String ic = PagingFixtures.unique("ic");
        UUID incident = incidentCommandedBy(ic);

        try (Feed outsider = open(incident, "vera", null, "viewer")) {
            assertThat(outsider.status).isEqualTo(403);
        }
        given().auth().oauth2(Tokens.as("vera", "viewer")).get("/api/v1/response/incidents/" + incident + "/digest").then()
                .statusCode(200).body("status", equalTo("DECLARED")).body("priority", equalTo("P3"))
                .body("restricted", equalTo(false)).body("roles.person", hasItem(ic)).body("lastUpdate.at", org.hamcrest.Matchers.notNullValue());
        try (Feed auditor = open(incident, "aude", null, "auditor")) {
            assertThat(auditor.status).isEqualTo(200);
            assertThat(auditor.until("io.firebreak.role.assigned.v1")).isNotEmpty();
        }
        try (Feed bad = open(incident, ic, "yesterday", "incident-commander")) {
            assertThat(bad.status).isEqualTo(400);
        }
    }

    @Test
    void someoneRemovedFromTheWarRoomStopsReceivingTheFeed() throws Exception {
        String ic = PagingFixtures.unique("ic");
        String olga = PagingFixtures.unique("olga");
        UUID incident = incidentCommandedBy(ic);
        admit(ic, "incident-commander", incident, olga, "RESPONDER").statusCode(200);

        try (Feed feed = open(incident, olga, null, "responder")) {
            assertThat(feed.status).isEqualTo(200);
            feed.until("io.firebreak.warroom.member_added.v1");
            assertThat(feed.ended).isFalse();
            remove(ic, "incident-commander", incident, olga).statusCode(204);
            await().atMost(Duration.ofSeconds(15)).untilTrue(feed.ended);
            assertThat(feed.events).extracting(Sse::event).doesNotContain("io.firebreak.warroom.member_removed.v1");
        }
    }
}
