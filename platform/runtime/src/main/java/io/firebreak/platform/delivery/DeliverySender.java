package io.firebreak.platform.delivery;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.util.TypeLiteral;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Makes one attempt of a delivery: an HTTP request (Standard Webhooks signature and named credential
 * added at this attempt) or a mail through the Quarkus reactive mailer. Each destination (URL host and port, or
 * the SMTP server) has its own circuit breaker (SmallRye Fault Tolerance): while a receiver keeps
 * failing, attempts to it fail fast and are retried later instead of piling up on it.
 */
@ApplicationScoped
public class DeliverySender {

    private static final TypeLiteral<Uni<SendResult>> RESULT = new TypeLiteral<>() { };

    private final Vertx vertx;
    private final WebClient http;
    private final ReactiveMailer mailer;
    private final Instance<WebhookSecrets> secrets;
    private final DeliveryConfig config;
    private final Clock clock;
    private final Map<String, TypedGuard<Uni<SendResult>>> circuits = new ConcurrentHashMap<>();

    public DeliverySender(Vertx vertx, ReactiveMailer mailer, Instance<WebhookSecrets> secrets, DeliveryConfig config, Clock clock) {
        this.vertx = vertx;
        this.http = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.timeout().toMillis()))
                .setFollowRedirects(false)
                .setUserAgent("Firebreak-Delivery/1"));
        this.mailer = mailer;
        this.secrets = secrets;
        this.config = config;
        this.clock = clock;
    }

    /**
     * A circuit per receiving server: host and port (another port of the same host is another server — a
     * receiver down on one port must not hold back deliveries to a healthy one beside it).
     */
    static String circuitOf(URI uri) {
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }

    /** Never fails: every outcome, errors included, is a {@link SendResult}. */
    public Uni<SendResult> send(UUID id, OutboundMessage message) {
        String circuit = message.channel() == OutboundMessage.Channel.MAIL ? "smtp" : circuitOf(URI.create(message.url()));
        TypedGuard<Uni<SendResult>> guard = circuits.computeIfAbsent(circuit, this::newCircuit);
        Uni<SendResult> attempt = guard.get(() -> message.channel() == OutboundMessage.Channel.MAIL
                ? mail(message) : request(id, message).chain(result -> result.kind() == SendResult.Kind.RETRY
                        // the receiver's trouble counts against its circuit
                        ? Uni.createFrom().failure(new ReceiverFailure(result)) : Uni.createFrom().item(result)));
        return attempt.onFailure().recoverWithItem(e -> {
            if (e instanceof ReceiverFailure f) {
                return f.result;
            }
            if (e instanceof CircuitBreakerOpenException) {
                return SendResult.deferred("circuit open for " + circuit + " (recent attempts failed)");
            }
            if (e instanceof PermanentFailure p) {
                return SendResult.permanent(null, p.getMessage());
            }
            return SendResult.retry(null, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        });
    }

    private TypedGuard<Uni<SendResult>> newCircuit(String destination) {
        return TypedGuard.create(RESULT)
                .withCircuitBreaker()
                .name("firebreak-delivery-" + destination)
                .requestVolumeThreshold(config.circuitVolume())
                .failureRatio(config.circuitFailureRatio())
                .delay(config.circuitDelay().toMillis(), ChronoUnit.MILLIS)
                .skipOn(PermanentFailure.class)
                .done()
                .build();
    }

    private Uni<SendResult> request(UUID id, OutboundMessage message) {
        Uni<String> signature = message.signingRef() == null ? Uni.createFrom().nullItem() : signature(id, message);
        return signature.chain(signed -> {
            HttpRequest<Buffer> request = http.requestAbs(HttpMethod.valueOf(message.method()), message.url())
                    .timeout(config.timeout().toMillis());
            message.headers().forEach(request::putHeader);
            if (signed != null) {
                long timestamp = clock.instant().getEpochSecond();
                request.putHeader(StandardWebhooks.ID, id.toString());
                request.putHeader(StandardWebhooks.TIMESTAMP, Long.toString(timestamp));
                request.putHeader(StandardWebhooks.SIGNATURE,
                        StandardWebhooks.signature(List.of(signed.split("\n")), id.toString(), timestamp, body(message)));
            }
            if (message.credential() != null) {
                String value = config.credentials().get(message.credential());
                if (value == null) {
                    return Uni.createFrom().failure(new PermanentFailure("no credential named " + message.credential()
                            + " is configured (firebreak.delivery.credentials." + message.credential() + ")"));
                }
                request.putHeader("Authorization", value);
            }
            return request.sendBuffer(Buffer.buffer(body(message))).map(response -> {
                SendResult result = SendResult.ofStatus(response.statusCode(),
                        response.statusCode() >= 300 ? "HTTP " + response.statusCode() + " " + abbreviate(response.bodyAsString()) : null,
                        retryAfter(response.getHeader("Retry-After")));
                return message.keepsResponse() ? result.keeping(response.bodyAsString()) : result;
            });
        });
    }

    /** The endpoint's secrets, newline-joined; none is a permanent failure (nothing to sign with). */
    private Uni<String> signature(UUID id, OutboundMessage message) {
        if (!secrets.isResolvable()) {
            return Uni.createFrom().failure(new PermanentFailure("signed delivery " + id + " but the service resolves no webhook secrets"));
        }
        // On a safe context of its own: a service resolves secrets from its database (a Hibernate session).
        return io.firebreak.platform.work.SafeContext.run(vertx, () -> secrets.get().secrets(message.signingRef())).chain(list -> list == null || list.isEmpty()
                ? Uni.createFrom().failure(new PermanentFailure("no webhook secret for " + message.signingRef()))
                : Uni.createFrom().item(String.join("\n", list)));
    }

    private Uni<SendResult> mail(OutboundMessage message) {
        Mail mail = Mail.withText(message.to(), message.subject(), message.text() == null ? "" : message.text());
        if (message.html() != null) {
            mail.setHtml(message.html());
        }
        if (message.attachments() != null) {
            message.attachments().forEach(a -> mail.addAttachment(a.name(), a.content(), a.contentType()));
        }
        return mailer.send(mail).ifNoItem().after(config.timeout()).fail().replaceWith(SendResult.delivered(null));
    }

    private static String body(OutboundMessage message) {
        return message.body() == null ? "" : message.body();
    }

    private static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return null; // an HTTP date: the backoff decides
        }
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }

    /** A receiver's answer worth retrying, carried through the circuit breaker as a failure. */
    private static final class ReceiverFailure extends RuntimeException {
        private final transient SendResult result;

        ReceiverFailure(SendResult result) {
            super(result.error(), null, false, false);
            this.result = result;
        }
    }

    /** Nothing a retry can fix (no secret, no credential): neither retried nor counted against the receiver. */
    static final class PermanentFailure extends RuntimeException {
        PermanentFailure(String message) {
            super(message, null, false, false);
        }
    }
}
