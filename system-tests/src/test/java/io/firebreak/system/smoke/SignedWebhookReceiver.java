package io.firebreak.system.smoke;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A platform subscribed to Firebreak's Standard Webhooks on loopback: answers 204 at once and keeps every delivery
 * with its headers, so a smoke test can check what arrived and that it was signed with the subscription's secret.
 */
final class SignedWebhookReceiver implements AutoCloseable {

    /** One delivery: the Standard Webhooks headers and the body. */
    record Delivery(String id, String timestamp, String signature, String body) {

        /** Whether one of the signatures (several during a secret rotation) is HMAC-SHA256 of "id.timestamp.body". */
        boolean signedWith(String secret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
                String expected = "v1," + Base64.getEncoder().encodeToString(
                        mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
                return List.of(signature.split(" ")).contains(expected);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final ConcurrentLinkedQueue<Delivery> received = new ConcurrentLinkedQueue<>();

    SignedWebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/", exchange -> {
            received.add(new Delivery(exchange.getRequestHeaders().getFirst("webhook-id"), exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(executor);
        server.start();
    }

    /** The receiver's URL for a path ("/hooks"). */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The first delivery whose body contains every fragment, or null. */
    Delivery find(String... fragments) {
        return received.stream().filter(d -> java.util.Arrays.stream(fragments).allMatch(d.body()::contains)).findFirst().orElse(null);
    }

    boolean isEmpty() {
        return received.isEmpty();
    }

    Delivery first() {
        return received.peek();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
