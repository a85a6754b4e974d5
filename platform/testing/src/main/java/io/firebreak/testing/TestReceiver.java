package io.firebreak.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP receiver for outbound deliveries (webhooks, chat, SMS gateways): listens on all loopback
 * addresses on a free port, records every request, and answers each path with the statuses a test
 * scripted (then 200). Stop it with {@link #close()}.
 */
public final class TestReceiver implements AutoCloseable {

    /** One request as it arrived; header names lower-cased. */
    public record Received(String method, String path, Map<String, String> headers, String body, Instant at) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.CountDownLatch> held = new ConcurrentHashMap<>();

    public TestReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(0), 64);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a test receiver", e);
        }
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(exchange.getRequestMethod(), path, headers, body, Instant.now()));
            java.util.concurrent.CountDownLatch gate = held.get(path);
            if (gate != null) {
                try {
                    gate.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Deque<Integer> script = scripts.get(path);
            Integer scripted = script == null ? null : script.poll();
            int status = scripted == null ? 200 : scripted;
            byte[] answer = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The URL of {@code path} on this receiver, reached through {@code host} (127.0.0.1, or another loopback address). */
    public String url(String host, String path) {
        return "http://" + host + ":" + port() + path;
    }

    public String url(String path) {
        return url("127.0.0.1", path);
    }

    /** The next requests to {@code path} are answered with these statuses, in order; afterwards 200. */
    public TestReceiver answer(String path, Integer... statuses) {
        scripts.computeIfAbsent(path, p -> new java.util.concurrent.ConcurrentLinkedDeque<>()).addAll(List.of(statuses));
        return this;
    }

    /** Requests to {@code path} are recorded but not answered until {@link #release(String)}: a send held in flight. */
    public TestReceiver hold(String path) {
        held.put(path, new java.util.concurrent.CountDownLatch(1));
        return this;
    }

    /** Answers the requests {@link #hold(String)} kept waiting, and the later ones at once. */
    public void release(String path) {
        java.util.concurrent.CountDownLatch gate = held.remove(path);
        if (gate != null) {
            gate.countDown();
        }
    }

    /** Requests to {@code path}, in arrival order. */
    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

}
