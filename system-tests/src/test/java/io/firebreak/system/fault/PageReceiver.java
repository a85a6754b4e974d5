package io.firebreak.system.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The pagers' webhook endpoint: a real HTTP server in the run's JVM that records every page delivered (by its
 * Standard Webhooks {@code webhook-id}, stable across a delivery's attempts, and by page id), can be taken down and
 * brought back on the same port, and — like a person clicking the link in the page — acknowledges the incidents
 * the run chose, by POSTing the page's one-click link through the gateway.
 */
final class PageReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A page as the receiver saw it. */
    record Seen(String incidentId, String businessService, int level, String ackUrl, Instant firstAt) {
    }

    private final Map<String, AtomicInteger> byWebhookId = new ConcurrentHashMap<>();
    private final Map<String, Seen> byPage = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> webhookIdsByPage = new ConcurrentHashMap<>();
    private final Map<String, String> ackOutcome = new ConcurrentHashMap<>();
    private final AtomicInteger deliveries = new AtomicInteger();
    private final Predicate<String> acknowledgeService;
    private final ScheduledExecutorService acker = Executors.newScheduledThreadPool(2);
    private final ExecutorService handlers = Executors.newFixedThreadPool(8);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    private volatile HttpServer server;

    /** {@code acknowledgeService}: whose incidents' first page is acknowledged by its link, 2 s after it arrives. */
    PageReceiver(Predicate<String> acknowledgeService) throws IOException {
        this.acknowledgeService = acknowledgeService;
        this.server = open(0);
        this.port = server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/pages";
    }

    /** Stops listening: connections are refused until {@link #up()}. */
    void down() {
        server.stop(0);
    }

    void up() throws IOException {
        server = open(port);
    }

    int deliveries() {
        return deliveries.get();
    }

    Map<String, Seen> pages() {
        return byPage;
    }

    /** Deliveries received more than once with the same webhook-id (a retry whose 2xx the sender did not record). */
    int redeliveries() {
        return byWebhookId.values().stream().mapToInt(c -> c.get() - 1).sum();
    }

    /** Pages that arrived under two or more different webhook-ids: two deliveries of one page — a double page. */
    long pagesDeliveredTwice() {
        return webhookIdsByPage.values().stream().filter(ids -> ids.size() > 1).count();
    }

    Map<String, String> ackOutcomes() {
        return ackOutcome;
    }

    private HttpServer open(int at) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", at), 256);
        s.createContext("/", this::handle);
        s.setExecutor(handlers);
        s.start();
        return s;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String webhookId = exchange.getRequestHeaders().getFirst("webhook-id");
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
        deliveries.incrementAndGet();
        JsonNode data = JSON.readTree(body).path("data");
        String pageId = data.path("pageId").asText(null);
        if (webhookId != null) {
            byWebhookId.computeIfAbsent(webhookId, k -> new AtomicInteger()).incrementAndGet();
        }
        if (pageId == null) {
            return;
        }
        if (webhookId != null) {
            webhookIdsByPage.computeIfAbsent(pageId, k -> ConcurrentHashMap.newKeySet()).add(webhookId);
        }
        Seen seen = new Seen(data.path("incidentId").asText(), data.path("businessService").asText(), data.path("level").asInt(),
                data.path("acknowledgeUrl").asText(null), Instant.now());
        if (byPage.putIfAbsent(pageId, seen) == null && seen.level() == 1 && seen.ackUrl() != null
                && acknowledgeService.test(seen.businessService())) {
            acker.schedule(() -> acknowledge(seen, 1), 2, TimeUnit.SECONDS);
        }
    }

    /** POSTs the link's form, as the confirmation page does; tried again (10 × 3 s) while response is away. */
    private void acknowledge(Seen seen, int attempt) {
        URI link = URI.create(seen.ackUrl());
        String form = link.getRawQuery();
        String outcome;
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(link.getScheme() + "://" + link.getRawAuthority() + link.getRawPath()))
                    .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(15))
                    .POST(HttpRequest.BodyPublishers.ofString(form == null ? "" : form)).build(), HttpResponse.BodyHandlers.ofString());
            outcome = "HTTP " + r.statusCode();
            if (r.statusCode() == 200) {
                ackOutcome.put(seen.incidentId(), outcome);
                return;
            }
        } catch (IOException | InterruptedException e) {
            outcome = e.getClass().getSimpleName();
        }
        ackOutcome.put(seen.incidentId(), outcome + " (attempt " + attempt + ")");
        if (attempt < 10) {
            acker.schedule(() -> acknowledge(seen, attempt + 1), 3, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        acker.shutdownNow();
        handlers.shutdownNow();
    }
}
