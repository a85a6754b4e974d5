package io.firebreak.system.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fuzzer once sat for over an hour on the war room's live feed (an authorised GET on a real incident's
 * {@code /feed}): the client's request timeout covers only the headers, and an SSE body never ends. These run the
 * fuzzer's way of reading answers against a server whose bodies never end.
 */
class AnswersTest {

    private HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feed", exchange -> endless(exchange, "text/event-stream"));
        server.createContext("/trickle", exchange -> endless(exchange, "application/json"));
        server.createContext("/plain", exchange -> {
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aLiveFeedIsAnsweredByItsHeadersWithoutWaitingForItsEnd() throws Exception {
        Instant start = Instant.now();
        var answer = Answers.send(http, get("/feed"), Duration.ofSeconds(30));
        assertThat(answer).hasValueSatisfying(r -> {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo(Answers.EVENT_STREAM);
        });
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aBodyThatNeverEndsIsCutAtTheDeadlineAndReportedAsNoAnswer() throws Exception {
        Instant start = Instant.now();
        var answer = Answers.send(http, get("/trickle"), Duration.ofSeconds(2));
        assertThat(answer).isEmpty();
        assertThat(Duration.between(start, Instant.now())).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    @Test
    void anOrdinaryAnswerIsReadWhole() throws Exception {
        var answer = Answers.send(http, get("/plain"), Duration.ofSeconds(30));
        assertThat(answer).hasValueSatisfying(r -> assertThat(r.body()).isEqualTo("{\"ok\":true}"));
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
                .timeout(Duration.ofSeconds(40)).build();
    }

    /** Headers at once, then a heartbeat every 200 ms until the client goes away, as the war room's feed does. */
    private static void endless(com.sun.net.httpserver.HttpExchange exchange, String type) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            while (true) {
                out.write(": heartbeat\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(200);
            }
        } catch (IOException | InterruptedException gone) {
            // the client closed the stream: the end of this exchange
        }
    }
}
